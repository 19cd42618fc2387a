/*
 * Test aid, never shipped: holds a file open the way Excel or WPS holds an open workbook,
 * with share mode 0, so that any other open, rename or delete of it fails with a sharing
 * violation.
 *
 *   holdopen.exe FILE [SECONDS]
 *
 * Opens FILE (which must exist) for reading and writing without sharing, prints
 * "holding" on stdout (flushed: the caller waits for that line), and keeps it open
 * until killed, until SECONDS have passed (default 600), or until a line or end of file
 * arrives on stdin. Exit 0 after holding, 1 when FILE could not be opened.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -municode -o holdopen.exe holdopen.c
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static DWORD WINAPI watch_stdin(LPVOID arg)
{
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	char buf[64];
	DWORD n;
	(void)arg;
	/* Any input, or the caller closing the pipe, releases the file. */
	ReadFile(in, buf, sizeof buf, &n, NULL);
	ExitProcess(0);
	return 0;
}

int wmain(int argc, wchar_t **argv)
{
	DWORD seconds = 600;
	HANDLE h;
	if (argc < 2) {
		fprintf(stderr, "usage: holdopen FILE [SECONDS]\n");
		return 2;
	}
	if (argc > 2)
		seconds = (DWORD)wcstoul(argv[2], NULL, 10);
	h = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0 /* no sharing */, NULL,
	                OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fprintf(stderr, "holdopen: cannot open file: error %lu\n", GetLastError());
		return 1;
	}
	printf("holding\n");
	fflush(stdout);
	if (GetFileType(GetStdHandle(STD_INPUT_HANDLE)) == FILE_TYPE_PIPE)
		CreateThread(NULL, 0, watch_stdin, NULL, 0, NULL);
	Sleep(seconds * 1000);
	CloseHandle(h);
	return 0;
}
