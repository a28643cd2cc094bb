package main

import (
	"runtime/debug"
	"testing"
)

func TestBudgetFollowsInputsInFlight(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "") // set or not, the test restores the limit
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)

	b := &budget{}
	steps := []struct {
		add  int
		want int64
	}{
		{8 << 20, 35<<20 + 20*8<<20},
		{1 << 20, 35<<20 + 20*9<<20},
		{-8 << 20, 35<<20 + 20*1<<20},
		{-1 << 20, 35 << 20},
	}
	for _, s := range steps {
		b.add(s.add)
		if got := debug.SetMemoryLimit(-1); got != s.want {
			t.Errorf("after add(%d): limit %d, want %d", s.add, got, s.want)
		}
	}
}

func TestBudgetLeavesAUsersGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	b := newBudget()
	b.add(100 << 20)
	if got := debug.SetMemoryLimit(-1); got != old {
		t.Errorf("limit %d changed under GOMEMLIMIT (was %d)", got, old)
	}
}
