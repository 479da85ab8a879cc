// Package wasmeval evaluates a query that OPA has compiled to WebAssembly,
// on wazero, a Wasm runtime written in Go.
//
// OPA's topdown evaluator interprets the policy's syntax tree, and a
// catalogue of a few hundred rules spends most of each file's evaluation
// in that machinery: binding variables, looking up rules, unifying terms,
// a few microseconds each, thousands of times. OPA's planner compiles the
// same policy to Wasm, and wazero compiles the Wasm to machine code, which
// runs the catalogue several times faster. Builtins the Wasm library does
// not implement (sprintf, time, some regex functions) are called back in
// Go with OPA's own implementations, so their answers are topdown's.
//
// OPA ships a Wasm SDK of its own, but it is internal to OPA's module, and
// the rego package's wasm target reads every builtin argument and the
// whole answer back through Rego's parser, which cost more than the
// evaluation saved (bench/catalogues measured it).
package wasmeval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// ResultVar is the variable the compiled query binds its answer to.
const ResultVar = "result"

const pageSize = 64 << 10

// Policy is a compiled query, ready to evaluate. It is safe for concurrent
// use: each evaluation borrows an instance of its own.
type Policy struct {
	code      wazero.CompilationCache
	module    []byte
	data      []byte
	maxPages  uint32
	caps      *ast.Capabilities
	idle      chan *instance
	closeOnce sync.Once
}

// Compile compiles query over compiler's modules to Wasm. Every builtin
// the module calls back must be one OPA implements.
func Compile(ctx context.Context, compiler *ast.Compiler, query string, caps *ast.Capabilities) ([]byte, error) {
	cr, err := rego.New(
		rego.Compiler(compiler),
		rego.Query(ResultVar+" := "+query),
		rego.Capabilities(caps),
	).Compile(ctx)
	if err != nil {
		return nil, err
	}
	return cr.Bytes, nil
}

// New prepares a compiled module to evaluate against data (a JSON
// document). memoryLimit bounds each evaluation's Wasm memory.
func New(ctx context.Context, module []byte, data any, memoryLimit int, caps *ast.Capabilities) (*Policy, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("wasm policy data: %w", err)
	}
	p := &Policy{
		code:     wazero.NewCompilationCache(),
		module:   module,
		data:     raw,
		maxPages: uint32(max(memoryLimit/pageSize, 64)),
		caps:     caps,
		idle:     make(chan *instance, runtime.GOMAXPROCS(0)),
	}
	// The first instance compiles the module to machine code (the cache
	// keeps it for the others) and says whether every builtin it needs is
	// there, so a policy that cannot run fails here, not at its first file.
	in, err := p.instantiate(ctx)
	if err != nil {
		p.Close()
		return nil, err
	}
	p.release(in)
	return p, nil
}

// Close frees the instances and the compiled code.
func (p *Policy) Close() {
	p.closeOnce.Do(func() {
		for {
			select {
			case in := <-p.idle:
				in.close()
			default:
				_ = p.code.Close(context.Background())
				return
			}
		}
	})
}

// Eval evaluates the query on input (a JSON document) at time now, and
// returns the value bound to ResultVar. An error leaves nothing behind:
// the instance it happened in is discarded.
func (p *Policy) Eval(ctx context.Context, input []byte, now time.Time) (ast.Value, error) {
	in, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	out, err := in.eval(ctx, input, now)
	if err != nil {
		in.close()
		return nil, err
	}
	// An instance whose memory a large evaluation grew keeps it (Wasm
	// memory never shrinks); it is dropped rather than kept at that size.
	if in.mem.Size() > 64<<20 {
		in.close()
	} else {
		p.release(in)
	}
	set, ok := out.(ast.Set)
	if !ok || set.Len() != 1 {
		return nil, fmt.Errorf("wasm policy: %d results, want one", setLen(out))
	}
	obj, ok := set.Slice()[0].Value.(ast.Object)
	if !ok {
		return nil, errors.New("wasm policy: the result is not an object")
	}
	t := obj.Get(ast.StringTerm(ResultVar))
	if t == nil {
		return nil, errors.New("wasm policy: the result has no " + ResultVar)
	}
	return t.Value, nil
}

func setLen(v ast.Value) int {
	if s, ok := v.(ast.Set); ok {
		return s.Len()
	}
	return 0
}

func (p *Policy) acquire(ctx context.Context) (*instance, error) {
	select {
	case in := <-p.idle:
		return in, nil
	default:
		return p.instantiate(ctx)
	}
}

func (p *Policy) release(in *instance) {
	select {
	case p.idle <- in:
	default:
		in.close()
	}
}

// instance is one runtime with the policy instantiated in it: the "env"
// module's name is fixed, so instances cannot share a runtime.
type instance struct {
	p        *Policy
	rt       wazero.Runtime
	mod      api.Module
	mem      api.Memory
	fn       map[string]api.Function
	ids      map[int32]topdown.BuiltinFunc
	names    map[int32]string
	dataAddr uint32
	heap     uint32
	entry    uint64
	// Set for the evaluation under way, for the builtins called back.
	bctx   topdown.BuiltinContext
	failed error
}

var exports = []string{"opa_eval", "opa_malloc", "opa_json_parse", "opa_json_dump", "opa_value_dump", "opa_value_parse", "opa_heap_ptr_get", "builtins", "entrypoints"}

func (p *Policy) instantiate(ctx context.Context) (_ *instance, err error) {
	cfg := wazero.NewRuntimeConfigCompiler().
		WithCompilationCache(p.code).
		WithMemoryLimitPages(p.maxPages).
		WithCloseOnContextDone(true)
	in := &instance{p: p, rt: wazero.NewRuntimeWithConfig(ctx, cfg), fn: map[string]api.Function{}}
	defer func() {
		if err != nil {
			in.close()
		}
	}()
	host := in.rt.NewHostModuleBuilder(hostModule)
	i32 := api.ValueTypeI32
	for _, c := range hostCalls {
		var params []api.ValueType
		var results []api.ValueType
		var fn api.GoModuleFunction
		switch c.name {
		case "opa_abort":
			params, fn = []api.ValueType{i32}, api.GoModuleFunc(in.abort)
		case "opa_println":
			params, fn = []api.ValueType{i32}, api.GoModuleFunc(func(context.Context, api.Module, []uint64) {})
		default:
			n, _ := strconv.Atoi(strings.TrimPrefix(c.name, "opa_builtin"))
			params = make([]api.ValueType, n+2)
			for i := range params {
				params[i] = i32
			}
			results, fn = []api.ValueType{i32}, api.GoModuleFunc(in.builtin)
		}
		host.NewFunctionBuilder().WithGoModuleFunction(fn, params, results).Export(c.name)
	}
	if _, err := host.Instantiate(ctx); err != nil {
		return nil, fmt.Errorf("wasm host module: %w", err)
	}
	compiled, err := in.rt.CompileModule(ctx, p.module)
	if err != nil {
		return nil, fmt.Errorf("wasm policy module: %w", err)
	}
	minPages := uint32(32)
	for _, m := range compiled.ImportedMemories() {
		minPages = max(minPages, m.Min())
	}
	if minPages > p.maxPages {
		return nil, errors.New("policy evaluation exceeded the memory limit: the module needs more to start")
	}
	if _, err := in.rt.InstantiateWithConfig(ctx, envModule(minPages, p.maxPages), wazero.NewModuleConfig().WithName("env")); err != nil {
		return nil, fmt.Errorf("wasm env module: %w", err)
	}
	mod, err := in.rt.InstantiateModule(ctx, compiled, wazero.NewModuleConfig().WithName("policy"))
	if err != nil {
		return nil, fmt.Errorf("wasm policy module: %w", err)
	}
	in.mod, in.mem = mod, mod.Memory()
	if in.mem == nil {
		return nil, errors.New("wasm policy module has no memory")
	}
	for _, name := range exports {
		if in.fn[name] = mod.ExportedFunction(name); in.fn[name] == nil {
			return nil, fmt.Errorf("wasm policy module does not export %s", name)
		}
	}
	if err := in.readBuiltins(ctx); err != nil {
		return nil, err
	}
	var entries map[string]int32
	if err := in.dumpJSON(ctx, "entrypoints", &entries); err != nil {
		return nil, err
	}
	if len(entries) != 1 {
		return nil, fmt.Errorf("wasm policy module has %d entrypoints, want one", len(entries))
	}
	for _, id := range entries {
		in.entry = uint64(id)
	}
	addr, err := in.write(ctx, p.data)
	if err != nil {
		return nil, err
	}
	if in.dataAddr, err = in.call(ctx, "opa_json_parse", uint64(addr), uint64(len(p.data))); err != nil || in.dataAddr == 0 {
		return nil, errors.Join(errors.New("wasm policy: the data document does not parse"), err)
	}
	if in.heap, err = in.call(ctx, "opa_heap_ptr_get"); err != nil {
		return nil, err
	}
	return in, nil
}

func (in *instance) close() {
	_ = in.rt.Close(context.Background())
}

// readBuiltins maps the module's builtin ids to OPA's implementations.
func (in *instance) readBuiltins(ctx context.Context) error {
	var names map[string]int32
	if err := in.dumpJSON(ctx, "builtins", &names); err != nil {
		return err
	}
	in.ids, in.names = map[int32]topdown.BuiltinFunc{}, map[int32]string{}
	for name, id := range names {
		f := topdown.GetBuiltin(name)
		if f == nil {
			return fmt.Errorf("wasm policy calls builtin %s, which OPA does not implement", name)
		}
		in.ids[id], in.names[id] = f, name
	}
	return nil
}

// dumpJSON calls an export that returns a value, and decodes its JSON.
func (in *instance) dumpJSON(ctx context.Context, export string, v any) error {
	addr, err := in.call(ctx, export)
	if err != nil {
		return err
	}
	s, err := in.call(ctx, "opa_json_dump", uint64(addr))
	if err != nil {
		return err
	}
	raw, err := in.cstring(s)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

func (in *instance) call(ctx context.Context, name string, args ...uint64) (uint32, error) {
	res, err := in.fn[name].Call(ctx, args...)
	if in.failed != nil {
		return 0, in.failed
	}
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, fmt.Errorf("wasm policy: %s: %w", name, err)
	}
	if len(res) == 0 {
		return 0, nil
	}
	return uint32(res[0]), nil
}

// write copies b into memory the module allocates.
func (in *instance) write(ctx context.Context, b []byte) (uint32, error) {
	addr, err := in.call(ctx, "opa_malloc", uint64(len(b)))
	if err != nil {
		return 0, err
	}
	if !in.mem.Write(addr, b) {
		return 0, errors.New("wasm policy: a write outside its memory")
	}
	return addr, nil
}

// cstring reads the NUL-terminated string at addr.
func (in *instance) cstring(addr uint32) ([]byte, error) {
	size := in.mem.Size()
	if addr >= size {
		return nil, errors.New("wasm policy: a string outside its memory")
	}
	buf, _ := in.mem.Read(addr, size-addr)
	for i, c := range buf {
		if c == 0 {
			return buf[:i], nil
		}
	}
	return nil, errors.New("wasm policy: an unterminated string")
}

// eval runs the entrypoint once. The input is written at the heap's
// start, and the heap given to the evaluation begins after it: every
// evaluation starts from the same heap, so nothing accumulates.
func (in *instance) eval(ctx context.Context, input []byte, now time.Time) (ast.Value, error) {
	end := uint64(in.heap) + uint64(len(input))
	if end > uint64(in.mem.Size()) {
		if _, ok := in.mem.Grow(uint32((end - uint64(in.mem.Size()) + pageSize - 1) / pageSize)); !ok {
			return nil, errors.New("policy evaluation exceeded the memory limit: the input does not fit")
		}
	}
	if !in.mem.Write(in.heap, input) {
		return nil, errors.New("wasm policy: the input does not fit its memory")
	}
	in.failed = nil
	in.bctx = topdown.BuiltinContext{
		Context:      ctx,
		Metrics:      metrics.New(),
		Time:         ast.NumberTerm(json.Number(strconv.FormatInt(now.UnixNano(), 10))),
		Cancel:       topdown.NewCancel(),
		Cache:        builtins.Cache{},
		Capabilities: in.p.caps,
	}
	addr, err := in.call(ctx, "opa_eval", 0, in.entry, uint64(in.dataAddr), uint64(in.heap), uint64(len(input)), end, 1)
	if err != nil {
		return nil, err
	}
	raw, err := in.cstring(addr)
	if err != nil {
		return nil, err
	}
	return parseValue(raw)
}

// abort is the library's panic: a conflict, a failed allocation. The
// evaluation fails; the caller hears why.
func (in *instance) abort(_ context.Context, _ api.Module, stack []uint64) {
	msg, err := in.cstring(uint32(stack[0]))
	if err != nil {
		msg = []byte("(unreadable message)")
	}
	in.failed = fmt.Errorf("wasm policy aborted: %s", msg)
	panic(in.failed)
}

// builtin calls back one of OPA's builtins: stack holds the builtin's id,
// a reserved context, and the addresses of its arguments. A builtin's
// error leaves its result undefined, as topdown does when builtin errors
// are not strict; a halting error (cancellation) stops the evaluation.
func (in *instance) builtin(ctx context.Context, _ api.Module, stack []uint64) {
	// The outer call already stops the module when ctx is done; a context
	// that cannot be done spares wazero a watcher for each inner call.
	ctx = context.WithoutCancel(ctx)
	id := int32(stack[0])
	f := in.ids[id]
	nargs := 0
	switch len(stack) {
	case 2, 3, 4, 5, 6:
		nargs = len(stack) - 2
	}
	args := make([]*ast.Term, nargs)
	for i := range nargs {
		s, err := in.call(ctx, "opa_value_dump", stack[2+i])
		if err != nil {
			in.fail(err)
		}
		raw, err := in.cstring(s)
		if err != nil {
			in.fail(err)
		}
		v, err := parseValue(raw)
		if err != nil {
			in.fail(fmt.Errorf("%s argument: %w", in.names[id], err))
		}
		args[i] = ast.NewTerm(v)
	}
	var out *ast.Term
	err := f(in.bctx, args, func(t *ast.Term) error { out = t; return nil })
	if err != nil {
		var halt topdown.Halt
		if errors.As(err, &halt) {
			in.fail(err)
		}
		out = nil
	}
	if out == nil {
		stack[0] = 0
		return
	}
	var b strings.Builder
	if err := writeValue(&b, out.Value); err != nil {
		in.fail(fmt.Errorf("%s result: %w", in.names[id], err))
	}
	text := b.String()
	addr, err := in.write(ctx, []byte(text))
	if err != nil {
		in.fail(err)
	}
	v, err := in.call(ctx, "opa_value_parse", uint64(addr), uint64(len(text)))
	if err != nil {
		in.fail(err)
	}
	stack[0] = uint64(v)
}

func (in *instance) fail(err error) {
	in.failed = err
	panic(err)
}
