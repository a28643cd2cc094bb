//go:build !race

package extract_test

// raceEnabled is true under -race, which slows the pipeline 5-10×.
const raceEnabled = false
