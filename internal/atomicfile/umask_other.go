//go:build !unix

package atomicfile

import "os"

// masked is perm unchanged where there is no umask.
func masked(perm os.FileMode) os.FileMode { return perm }
