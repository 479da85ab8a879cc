package rules

import (
	"fmt"
	"io"
	"io/fs"
)

// MaxPolicyFileSize bounds one .rego file. The largest built-in policy is
// a few kilobytes; the bound only stops a stray dump, or a symlink to
// /dev/zero committed into a policy directory, from exhausting memory.
const MaxPolicyFileSize = 4 << 20

// readPolicyFile reads one .rego file of a policy directory. Only regular
// files are read, judged before anything is opened (a FIFO would block
// the open until a writer comes, a device would never end), and never
// more than MaxPolicyFileSize bytes.
func readPolicyFile(fsys fs.FS, p string, d fs.DirEntry) ([]byte, error) {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		// Stat follows the link without opening its target.
		info, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		mode = info.Mode().Type()
	}
	if !mode.IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s); a policy directory may only hold .rego files", p, fileKindOf(mode))
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s)", p, fileKindOf(info.Mode().Type()))
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxPolicyFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	if len(b) > MaxPolicyFileSize {
		return nil, fmt.Errorf("%s: larger than the %d-byte limit for a policy file", p, MaxPolicyFileSize)
	}
	return b, nil
}

func fileKindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeDir != 0:
		return "a directory"
	}
	return "mode " + m.String()
}
