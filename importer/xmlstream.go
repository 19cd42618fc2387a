package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// A worksheet is read through a window rather than whole: a sheet of a million rows
// unzips to tens of MB, and the reader stops at its row limit anyway, so holding the
// whole part for every worker would cost more than everything else in an import.

// streamChunk is how much of a part is read at a time.
const streamChunk = 256 << 10

// streamScanner is an xmlScanner over a part read in chunks. Tokens never span a refill
// as seen by the caller: the scanner asks for more input before returning a token that
// runs past the window, and the caller copies what it keeps before the next call.
type streamScanner struct {
	xmlScanner
	r     io.Reader // nil once the part is read to its end
	read  int64     // bytes read so far
	max   int64     // the part limit
	chunk int       // bytes read at a time: streamChunk, or the whole of a smaller part
}

func (s *streamScanner) next() (bool, error) {
	for {
		ok, err := s.xmlScanner.next()
		if err != errNeedMore {
			return ok, err
		}
		if err := s.fill(); err != nil {
			return false, err
		}
	}
}

// fill moves the unread bytes to the front of the window and reads another chunk; the
// window grows only for a single token longer than a chunk.
func (s *streamScanner) fill() error {
	if s.r == nil {
		s.partial = false
		return nil
	}
	rest := len(s.b) - s.i
	buf := s.b[:cap(s.b)]
	if rest+s.chunk > len(buf) {
		buf = make([]byte, rest+s.chunk)
	}
	copy(buf, s.b[s.i:])
	// Not io.ReadFull: it would turn the zip reader's io.ErrUnexpectedEOF, a part
	// shorter than its directory entry says, into a plain end.
	n := 0
	var err error
	for n < s.chunk && err == nil {
		var k int
		k, err = s.r.Read(buf[rest+n : rest+s.chunk])
		n += k
	}
	s.read += int64(n)
	s.b, s.i = buf[:rest+n], 0
	switch {
	case s.read > s.max:
		return errPartTooLarge
	case err == io.EOF:
		s.r, s.partial = nil, false
	case err != nil:
		return sizeErr(err)
	}
	return nil
}

// sizeErr names the zip reader's complaints about a part that does not match its entry
// in the zip directory.
func sizeErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
		return fmt.Errorf("%w: %v", errSizeMismatch, err)
	}
	return err
}

// stream opens a part for streamScanner. A part in UTF-16 is read whole and converted,
// as part does. The returned close must be called.
func (b *book) stream(name string) (*streamScanner, func(), error) {
	f, ok := b.files[name]
	if !ok {
		return nil, nil, b.corrupt(name, errMissingPart)
	}
	if f.UncompressedSize64 > uint64(b.maxPart) {
		return nil, nil, b.corrupt(name, errPartTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, b.corrupt(name, err)
	}
	// A small part is read in one go (one byte more than declared, to see its end).
	chunk := int(min(f.UncompressedSize64+1, streamChunk))
	s := &streamScanner{xmlScanner: xmlScanner{partial: true}, r: rc, max: b.maxPart, chunk: max(chunk, 64)}
	if err := s.fill(); err != nil {
		rc.Close()
		return nil, nil, b.corrupt(name, err)
	}
	if bytes.HasPrefix(s.b, utf8BOM) {
		s.i = len(utf8BOM)
	} else if _, ok := utf16Start(s.b); ok {
		rc.Close()
		data, err := b.part(name)
		if err != nil {
			return nil, nil, err
		}
		return &streamScanner{xmlScanner: xmlScanner{b: data}}, func() {}, nil
	}
	return s, func() { rc.Close() }, nil
}
