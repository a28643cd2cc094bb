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
	const mb = 1 << 20
	steps := []struct {
		add  int
		want int64 // RSS bound 50 MB + 20 × in flight, less 5 % and 15 MB
	}{
		{8 * mb, (50+20*8)*mb*95/100 - 15*mb},
		{1 * mb, (50+20*9)*mb*95/100 - 15*mb},
		{-8 * mb, (50+20*1)*mb*95/100 - 15*mb},
		{-1 * mb, 50*mb*95/100 - 15*mb},
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
