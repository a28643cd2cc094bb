package segment

import (
	"sync"
	"sync/atomic"
)

// posID is a Token's tag: an index into posNames, shared by every
// dictionary loaded in the process (gse's tag set has about 60 names).
type posID uint16

const maxPOS = 1<<16 - 1

var (
	posMu    sync.Mutex
	posNames atomic.Pointer[[]string] // read without a lock; replaced, never changed, under posMu
	posIndex = map[string]posID{}     // under posMu
)

// posX tags digits, Latin letters and punctuation (gse's "x").
var posX = internPOS("x")

// internPOS returns name's id, adding it to the table when new. Id 0 is "".
func internPOS(name string) posID {
	posMu.Lock()
	defer posMu.Unlock()
	if id, ok := posIndex[name]; ok {
		return id
	}
	var names []string
	if old := posNames.Load(); old != nil {
		names = append(names, *old...)
	} else {
		names = []string{""}
		posIndex[""] = 0
		if name == "" {
			posNames.Store(&names)
			return 0
		}
	}
	if len(names) > maxPOS {
		return 0 // never met: a dictionary's tags are a uint8
	}
	id := posID(len(names))
	names = append(names, name)
	posIndex[name] = id
	posNames.Store(&names)
	return id
}

func posName(id posID) string {
	names := posNames.Load()
	if names == nil || int(id) >= len(*names) {
		return ""
	}
	return (*names)[id]
}
