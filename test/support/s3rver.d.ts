// s3rver ships no types; the little of its API the tests use is typed in s3-server.ts.
declare module 's3rver';
