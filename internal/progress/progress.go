// Package progress draws a one-line progress bar on a terminal while
// archvet checks many files. It never draws into CI logs or piped output,
// where carriage-return animation turns into noise.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Threshold is the number of files above which a bar is worth drawing;
// smaller runs finish before a person would look at it.
const Threshold = 50

// Wanted reports whether to draw a bar for a run of total files on w: only
// on an interactive terminal, outside CI, for a run of more than
// Threshold files.
func Wanted(w io.Writer, total int) bool {
	if total <= Threshold {
		return false
	}
	if os.Getenv("CI") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Bar is a progress bar. Update may be called from several goroutines.
type Bar struct {
	w        io.Writer
	mu       sync.Mutex
	last     time.Time
	interval time.Duration
	width    int
	drawn    bool
}

// New returns a bar that writes to w, redrawing at most every interval
// (and always on completion).
func New(w io.Writer, interval time.Duration) *Bar {
	return &Bar{w: w, interval: interval, width: 30}
}

// Update records that done of total files are checked.
func (b *Bar) Update(done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	if done < total && b.drawn && now.Sub(b.last) < b.interval {
		return
	}
	b.last, b.drawn = now, true
	fmt.Fprint(b.w, "\r"+Line(done, total, b.width))
}

// Finish clears the bar so the report starts on a clean line.
func (b *Bar) Finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[2K")
		b.drawn = false
	}
}

// Line renders the bar's text: "[#####.....]  50/100 files".
func Line(done, total, width int) string {
	if total <= 0 {
		total = 1
	}
	done = max(0, min(done, total))
	filled := done * width / total
	return fmt.Sprintf("checking [%s%s] %*d/%d files", strings.Repeat("#", filled), strings.Repeat(".", width-filled), len(fmt.Sprint(total)), done, total)
}
