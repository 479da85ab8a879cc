package wasmeval

// A policy module compiled by OPA imports its memory and its host calls
// from one module, "env". A wazero host module can export functions but
// not a memory, so "env" is this small Wasm module: it defines the memory
// (with the evaluation's bound as its maximum) and re-exports the host
// calls it imports from hostModule. Written by hand from the binary
// format: seven sections' worth of bytes do not need an assembler.

const hostModule = "archvet_host"

// hostCalls are the imports of a policy module, each with its type's
// index in envModule's type section.
var hostCalls = []struct {
	name string
	typ  byte
}{
	{"opa_abort", 0},
	{"opa_println", 0},
	{"opa_builtin0", 1},
	{"opa_builtin1", 2},
	{"opa_builtin2", 3},
	{"opa_builtin3", 4},
	{"opa_builtin4", 5},
}

func envModule(minPages, maxPages uint32) []byte {
	const i32 = 0x7f
	// Types: (i32) -> (), then (i32 × n) -> i32 for n = 2..6: a builtin
	// call takes its id, a reserved context and up to four arguments.
	types := uleb(6)
	types = append(types, 0x60, 1, i32, 0)
	for n := 2; n <= 6; n++ {
		types = append(types, 0x60, byte(n))
		for range n {
			types = append(types, i32)
		}
		types = append(types, 1, i32)
	}
	imports := uleb(uint32(len(hostCalls)))
	for _, c := range hostCalls {
		imports = append(imports, wasmName(hostModule)...)
		imports = append(imports, wasmName(c.name)...)
		imports = append(imports, 0x00, c.typ) // a function of that type
	}
	memory := append(uleb(1), 0x01) // one memory, with a maximum
	memory = append(memory, uleb(minPages)...)
	memory = append(memory, uleb(maxPages)...)
	exports := uleb(uint32(len(hostCalls) + 1))
	exports = append(exports, wasmName("memory")...)
	exports = append(exports, 0x02, 0)
	for i, c := range hostCalls {
		exports = append(exports, wasmName(c.name)...)
		exports = append(exports, 0x00, byte(i))
	}
	out := []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}
	out = append(out, wasmSection(1, types)...)
	out = append(out, wasmSection(2, imports)...)
	out = append(out, wasmSection(5, memory)...)
	return append(out, wasmSection(7, exports)...)
}

func uleb(n uint32) []byte {
	var out []byte
	for {
		b := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(out, b)
		}
		out = append(out, b|0x80)
	}
}

func wasmSection(id byte, body []byte) []byte {
	return append(append([]byte{id}, uleb(uint32(len(body)))...), body...)
}

func wasmName(s string) []byte { return append(uleb(uint32(len(s))), s...) }
