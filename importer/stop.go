package importer

import "errors"

// ErrStop is wrapped by a Saver's error when trying again would only fail the same way
// after the same wait, such as a SQLite database locked by another program: the run stops
// at once instead of retrying each file of the batch alone, which would wait once more
// per file before giving up.
var ErrStop = errors.New("stop importing")

// Stop marks err as one that stops the run (see ErrStop); its text is unchanged.
func Stop(err error) error {
	if err == nil {
		return nil
	}
	return stopError{err}
}

type stopError struct{ error }

func (e stopError) Unwrap() error        { return e.error }
func (e stopError) Is(target error) bool { return target == ErrStop }

// errNotSaved is the Err of each file of a batch that stopped the run; the reason is
// given once, as the run's error.
var errNotSaved = errors.New("数据库无法写入，未保存（原因见最后一行）")
