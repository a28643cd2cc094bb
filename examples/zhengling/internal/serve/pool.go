package serve

import "context"

// pool bounds the work of the server: at most workers extractions run at
// once, and at most workers+queue requests are admitted, the others being
// refused at once (429) rather than left to wait without bound. A batch is
// one admitted request whose pages each take a worker in turn, sharing the
// workers with the single pages.
type pool struct {
	admitted chan struct{} // one token per admitted request
	running  chan struct{} // one token per running extraction
}

func newPool(workers, queue int) *pool {
	return &pool{admitted: make(chan struct{}, workers+queue), running: make(chan struct{}, workers)}
}

// enter admits a request, or reports false when workers+queue already are.
func (p *pool) enter() bool {
	select {
	case p.admitted <- struct{}{}:
		return true
	default:
		return false
	}
}

// leave ends an admitted request.
func (p *pool) leave() { <-p.admitted }

// acquire waits for a worker, or for ctx to end.
func (p *pool) acquire(ctx context.Context) error {
	select {
	case p.running <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release frees a worker.
func (p *pool) release() { <-p.running }
