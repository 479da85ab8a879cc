package report

import (
	"encoding/json"
	"io"

	"github.com/archvet/archvet/checks"
)

// jsonFormatter writes the stable JSON shape described in model.go.
type jsonFormatter struct{ opts Options }

func (j jsonFormatter) Format(w io.Writer, rep checks.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(BuildWith(rep, j.opts))
}
