package artefact

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archvet/archvet/internal/diag"
	"github.com/archvet/archvet/internal/regularfile"
	"github.com/archvet/archvet/internal/repo"
)

// extensions are the file names a directory of each kind is searched for.
// A file named directly is read whatever its name.
var extensions = map[string][]string{
	"terraform":  {".tf", ".tf.json"},
	"kubernetes": {".yaml", ".yml", ".json"},
	"openapi":    {".yaml", ".yml", ".json"},
}

// entriesPerFile bounds the directory entries a walk looks at, relative to
// the files it may take: a tree of a million unrelated files costs no more
// than a few reads of directory listings.
const entriesPerFile = 10

// walker turns the sources of one kind into the files to read.
type walker struct {
	root, base string
	lim        Limits
	exts       []string
	files      []string
	seen       map[string]bool // real paths already taken
	diags      diag.Diagnostics
	// per source
	src     Source
	taken   int
	entries int
	full    bool
}

func (w *walker) errorf(format string, args ...any) {
	w.diags = append(w.diags, diag.Errorf(w.at(), format, args...))
}

// at is where a problem with the current source is shown: where the review
// names it, else the path itself.
func (w *walker) at() *diag.Range {
	if w.src.At != nil {
		return w.src.At
	}
	return &diag.Range{Filename: filepath.Join(w.base, w.src.Path)}
}

func (w *walker) source(s Source) {
	w.src, w.taken, w.entries, w.full = s, 0, 0, false
	display := filepath.Join(w.base, s.Path)
	if filepath.IsAbs(s.Path) {
		display = filepath.Clean(s.Path)
	}
	real, err := repo.Confine(w.root, display)
	switch {
	case errors.Is(err, repo.ErrOutside):
		w.errorf("the artefact path %s is outside the repository, or a link that leads out of it; archvet reads artefacts only from inside the repository", s.Path)
		return
	case errors.Is(err, fs.ErrNotExist):
		w.errorf("the artefact path %s does not exist", s.Path)
		return
	case err != nil:
		w.errorf("cannot read the artefact path %s: %v", s.Path, unwrap(err))
		return
	}
	info, err := os.Stat(real)
	if err != nil {
		w.errorf("cannot read the artefact path %s: %v", s.Path, unwrap(err))
		return
	}
	if info.IsDir() {
		w.dir(display, real, 0)
		return
	}
	w.file(display, real)
}

// dir walks one directory, its entries in sorted order, descending at most
// lim.MaxDepth levels. Hidden entries (.git, .terraform with its copies
// of downloaded modules) are not part of the artefacts.
func (w *walker) dir(display, real string, depth int) {
	if w.full {
		return
	}
	if depth > w.lim.MaxDepth {
		w.errorf("the artefact directory %s nests deeper than %d levels; what lies below is not read", display, w.lim.MaxDepth)
		w.full = true
		return
	}
	names, err := w.list(real)
	if err != nil {
		w.errorf("cannot read the artefact directory %s: %v", display, unwrap(err))
		return
	}
	for _, name := range names {
		if w.full {
			return
		}
		if strings.HasPrefix(name, ".") {
			continue
		}
		d, r := filepath.Join(display, name), filepath.Join(real, name)
		info, err := os.Lstat(r)
		if err != nil {
			continue // removed since it was listed
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := repo.Confine(w.root, r)
			if err != nil {
				w.errorf("the artefact %s is a link that leads out of the repository, or nowhere; it is not read", d)
				continue
			}
			if info, err = os.Stat(target); err != nil {
				continue
			}
			r = target
		}
		switch {
		case info.IsDir():
			w.dir(d, r, depth+1)
		case w.wanted(name):
			w.file(d, r)
		}
	}
}

// list returns the names in a directory, sorted, reading at most the
// entries the walk has left.
func (w *walker) list(dir string) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	left := w.lim.MaxFiles*entriesPerFile - w.entries
	names, err := f.Readdirnames(left + 1)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(names) > left {
		w.errorf("the artefact path %s holds more than %d entries; the rest is not read", w.src.Path, w.lim.MaxFiles*entriesPerFile)
		w.full = true
		names = names[:left]
	}
	w.entries += len(names)
	sort.Strings(names)
	return names, nil
}

func (w *walker) wanted(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range w.exts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// file takes one file, refusing by its metadata what is not a regular
// file or is too big (the reader checks again when it opens it).
func (w *walker) file(display, real string) {
	if w.seen[real] {
		return
	}
	if w.taken >= w.lim.MaxFiles {
		w.errorf("the artefact path %s holds more than %d files; the rest is not read", w.src.Path, w.lim.MaxFiles)
		w.full = true
		return
	}
	var big *regularfile.TooBigError
	_, err := regularfile.Check(real, w.lim.MaxFileSize)
	switch {
	case errors.As(err, &big):
		w.errorf("the artefact %s is %d bytes, over the %d-byte limit; it is not read", display, big.Size, w.lim.MaxFileSize)
		return
	case errors.Is(err, regularfile.ErrNotRegular):
		w.errorf("the artefact %s is not a regular file (%s); it is not read", display, strings.TrimPrefix(err.Error(), regularfile.ErrNotRegular.Error()+": "))
		return
	case err != nil:
		w.errorf("cannot read the artefact %s: %v", display, unwrap(err))
		return
	}
	w.seen[real] = true
	w.taken++
	w.files = append(w.files, display)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
