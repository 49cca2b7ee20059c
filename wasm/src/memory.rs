//! Growing the module's memory once before a large call, from the size of its input.
//!
//! Why: the allocator grows the wasm memory a little at a time (a few pages per `memory.grow`), and V8 counts
//! every grow as new external memory, which can start a full collection of the JS heap. A large call in a
//! fresh process therefore ran hundreds of full GCs over the caller's objects (1 M members: 44–46 s for a call
//! that takes a fraction of that warm, issue 14 item 3). Asking the allocator for the call's whole working set
//! up front makes that one grow, and the block, once freed, stays with the allocator for the call's own
//! allocations (a wasm memory never shrinks, and the allocator keeps what it grew).

/// Below this, a call grows the memory at most a few times and is left alone.
const SMALL: usize = 1 << 20;
/// The largest single block: an allocation on wasm32 is at most `isize::MAX` bytes (2 GiB − 1), and a 1 M
/// member JSON batch wants about 2.2 GB, so a large reservation is taken in pieces (the allocator joins
/// neighbouring free blocks when they are freed).
const PIECE: usize = 1 << 30;

/// Makes sure the allocator holds about `bytes` of free memory, growing the wasm memory once per piece of
/// at most [`PIECE`]; a piece the memory cannot meet is halved until it fits (down to [`SMALL`]), so a large
/// reservation on a small device degrades to the old growth instead of failing the call. Costs nothing when
/// the memory is already there (a warm call): a few allocations and frees, no page touched.
pub(crate) fn reserve(bytes: usize) {
    let mut held: Vec<Vec<u8>> = Vec::new();
    let mut left = bytes;
    let mut piece = PIECE;
    while left >= SMALL && piece >= SMALL {
        let want = left.min(piece);
        let mut block: Vec<u8> = Vec::new();
        if block.try_reserve_exact(want).is_ok() {
            held.push(block);
            left = left.saturating_sub(want);
        } else {
            piece = want / 2;
        }
    }
    // Keeps the optimizer from dropping allocations that nothing reads; freeing them all at the end leaves
    // one free region behind.
    std::hint::black_box(&mut held);
}

/// [`reserve`] for a call whose working set is about `factor` times its input of `input_bytes`.
pub(crate) fn reserve_for(input_bytes: usize, factor: usize) {
    reserve(input_bytes.saturating_mul(factor));
}
