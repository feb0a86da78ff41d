//! The parts of the command line run: jobs, inputs, the worker pool and the
//! ordered writer. `main.rs` parses arguments and wires them together.

pub(crate) mod inputs;
pub(crate) mod job;
pub(crate) mod pool;
pub(crate) mod writer;
