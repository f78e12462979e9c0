// The Node flags every `seminar serve` runs with: bin/seminar.js's first line and package.json's start and serve
// scripts spell them out (a test keeps the three the same); the benches and the cluster suites start servers with them.
//
// A semi-space (half of V8's young generation) of 32 MiB: Node 20 lets it grow to 16 MiB here. A server keeps each
// request alive for the few milliseconds of its batch commit; with the smaller space a burst's requests outlived two
// scavenges, were copied into the old generation and marked and compacted there: the collector was a fifth of the
// event loop's time in the deadline burst, and the larger space took a quarter off the server's CPU per hand-in
// (docs/operations.md, Sizing).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
