//go:build unix

package atomicfile

import (
	"os"
	"sync"
	"syscall"
)

// umask is the process's file mode creation mask, read once: the only way
// to read it is to set it, so it is set straight back.
var umask = sync.OnceValue(func() os.FileMode {
	old := syscall.Umask(0o777) // the strictest mask for the instant it is set
	syscall.Umask(old)
	return os.FileMode(old)
})

// masked is perm as a file created now would get it: the temporary file
// is chmod'ed explicitly (CreateTemp makes it 0600), which the umask
// does not filter.
func masked(perm os.FileMode) os.FileMode { return perm &^ umask() }
