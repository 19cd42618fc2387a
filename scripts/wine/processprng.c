/*
 * Test aid, never shipped: a stand-in for bcryptprimitives.dll, which Debian bookworm's
 * wine 8.0 lacks. Go 1.22+ Windows executables call ProcessPrng from it at start; this
 * one fills the buffer with advapi32's SystemFunction036 (RtlGenRandom), which wine has.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c processprng.def -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	/* SystemFunction036 takes a ULONG: fill a large buffer in chunks. */
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
