package serve

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Error kinds, the values of the "kind" label of zhengling_errors_total.
const (
	kindBadRequest = "bad_request" // a query parameter or form that is wrong (400)
	kindNotAccept  = "not_acceptable"
	kindBadInput   = "bad_input"  // a page the library refuses: empty, binary, undecodable (422)
	kindTooLarge   = "too_large"  // over --max-bytes (413)
	kindOverloaded = "overloaded" // refused at once, the queue being full (429)
	kindTimeout    = "timeout"    // not done within --timeout (503)
	kindSlowClient = "slow_client"
	kindCanceled   = "canceled" // the client went away
	kindPanic      = "panic"    // a recovered panic (500)
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that servers (in tests) do not share them.
type metrics struct {
	registry *prometheus.Registry
	pages    *prometheus.CounterVec
	errors   *prometheus.CounterVec
	bytes    prometheus.Counter
	extracts prometheus.Histogram
	running  prometheus.Gauge
	requests *prometheus.HistogramVec
	inFlight prometheus.Gauge
	handler  http.Handler
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zhengling_pages_total",
			Help: "Pages turned into a Document, by endpoint.",
		}, []string{"endpoint"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zhengling_errors_total",
			Help: "Requests and batch records that failed, by kind (bad_request, not_acceptable, bad_input, too_large, overloaded, timeout, slow_client, canceled, panic).",
		}, []string{"kind"}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "zhengling_received_bytes_total",
			Help: "Bytes of pages received (bodies of /v1/extract, records of /v1/batch).",
		}),
		extracts: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "zhengling_extract_duration_seconds",
			Help:    "Time to extract one page on a worker, queue wait excluded.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16), // 0.5 ms to 16 s
		}),
		running: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "zhengling_extractions_running",
			Help: "Pages being extracted now (at most --workers).",
		}),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "zhengling_request_duration_seconds",
			Help:    "Time from a request's arrival to the end of its response, by handler and status code.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"handler", "code"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "zhengling_requests_in_flight",
			Help: "Requests being served now, those waiting for a worker included.",
		}),
	}
	m.registry.MustRegister(m.pages, m.errors, m.bytes, m.extracts, m.running, m.requests, m.inFlight,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
	return m
}

// instrument counts h's requests, their duration and those in flight.
func (m *metrics) instrument(name string, h http.Handler) http.Handler {
	h = promhttp.InstrumentHandlerDuration(m.requests.MustCurryWith(prometheus.Labels{"handler": name}), h)
	return promhttp.InstrumentHandlerInFlight(m.inFlight, h)
}

func (m *metrics) fail(kind string) { m.errors.WithLabelValues(kind).Inc() }
