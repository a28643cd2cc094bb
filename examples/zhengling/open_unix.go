//go:build unix

package main

import "syscall"

// openNonBlocking keeps open from waiting on a FIFO that has no writer.
const openNonBlocking = syscall.O_NONBLOCK
