//! Party dues (党费): the records of the dues contract, their conversion to and from the core, and the
//! exports (`dangjian::dues`).

mod api;
pub mod columns;
mod convert;
mod records;

pub use api::*;
pub use records::*;
