// The account `bench:reader` makes in its data folder, which the benches that reuse that folder sign in as.

export const READER_BENCH_PERSON = { name: "Bench Reader", email: "bench@example.test", password: "correct horse battery staple" } as const;
