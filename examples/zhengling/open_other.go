//go:build !unix

package main

// openNonBlocking is unix-only; elsewhere the check before opening stands alone.
const openNonBlocking = 0
