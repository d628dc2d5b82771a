//! The tables behind `from_code`, chosen per enum by the engine at compile time.
//!
//! The engine sees every code when it expands a catalog, so it can build a table that needs no
//! probing: a direct array when the codes are dense, otherwise a perfect hash (one level for
//! small catalogs, hash-and-displace for large ones). A table only proposes a candidate index;
//! the caller confirms it by comparing the stored code, so a code that is not listed can never
//! match. Tables are byte strings so that even a 50,000-code catalog is one literal token.
//!
//! The engine (`errcodes-codegen/src/lookup.rs`) builds the tables with [`mix`], [`str_key`]
//! and [`int_key`] from here, and generated code reads them with [`Lookup::candidate`]: one
//! definition of the hash on both sides. `tests/tests/test_engine_runtime_agree.rs` reads every
//! kind of table the engine builds.
//!
//! ```
//! use errcodes_core::lookup::{Lookup, int_key};
//!
//! // Codes 10, 11 and 13 at indices 0, 1 and 2: `table[code - 10]` holds index + 1.
//! let lookup = Lookup::Dense { min: 10, width: 1, table: &[1, 2, 0, 3] };
//! assert_eq!(lookup.candidate(int_key(13)), Some(2));
//! assert_eq!(lookup.candidate(int_key(12)), None);
//! assert_eq!(lookup.candidate(int_key(99)), None);
//! ```

/// How a generated enum finds the index of a code.
///
/// `B` holds the bytes of a table: `&'static [u8]` in generated code, `Vec<u8>` in the engine
/// while it builds one (`errcodes-codegen/src/lookup.rs`), so both sides share this definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // the fields are described on each variant
pub enum Lookup<B = &'static [u8]> {
    /// No entries.
    Empty,
    /// `table[key - min]` holds index + 1, or 0 for a gap.
    Dense { min: u64, width: usize, table: B },
    /// `slots[(key * mult) >> shift]` holds index + 1, or 0.
    MultiplyShift {
        mult: u64,
        shift: u32,
        width: usize,
        slots: B,
    },
    /// `h = mix(key, seed)`, bucket `h >> bucket_shift` holds a displacement `d` (u32),
    /// `slots[mix(h, d) >> slot_shift]` holds index + 1, or 0.
    Displace {
        seed: u64,
        bucket_shift: u32,
        displacements: B,
        slot_shift: u32,
        width: usize,
        slots: B,
    },
}

/// A bijective 64-bit mixer: distinct keys stay distinct.
///
/// ```
/// use errcodes_core::lookup::mix;
///
/// assert_ne!(mix(1, 7), mix(2, 7));
/// ```
#[inline(always)]
pub const fn mix(key: u64, seed: u64) -> u64 {
    let x = (key ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// The 64-bit key of a string code (FNV-1a over its bytes).
///
/// ```
/// assert_eq!(errcodes_core::lookup::str_key(""), 0xCBF2_9CE4_8422_2325);
/// ```
#[inline]
pub const fn str_key(code: &str) -> u64 {
    let bytes = code.as_bytes();
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
        i += 1;
    }
    hash
}

/// The key of an integer code: its two's-complement bits.
///
/// ```
/// assert_eq!(errcodes_core::lookup::int_key(-1), u64::MAX);
/// ```
#[inline(always)]
pub const fn int_key(code: i64) -> u64 {
    code as u64
}

#[inline(always)]
fn read(table: &[u8], width: usize, at: usize) -> usize {
    let start = at * width;
    match table.get(start..start + width) {
        Some([a]) => *a as usize,
        Some([a, b]) => u16::from_le_bytes([*a, *b]) as usize,
        Some([a, b, c, d]) => u32::from_le_bytes([*a, *b, *c, *d]) as usize,
        _ => 0,
    }
}

impl<B: AsRef<[u8]>> Lookup<B> {
    /// The index a code with this key would have; the caller compares the code stored there.
    ///
    /// ```
    /// use errcodes_core::lookup::Lookup;
    ///
    /// assert_eq!(Lookup::<&[u8]>::Empty.candidate(0), None);
    /// let built = Lookup::Dense { min: 0, width: 1, table: vec![1u8] };
    /// assert_eq!(built.candidate(0), Some(0));
    /// ```
    #[inline(always)]
    pub fn candidate(&self, key: u64) -> Option<usize> {
        let stored = match self {
            Lookup::Empty => 0,
            &Lookup::Dense {
                min,
                width,
                ref table,
            } => {
                let table = table.as_ref();
                let offset = key.wrapping_sub(min);
                if offset >= (table.len() / width) as u64 {
                    return None;
                }
                read(table, width, offset as usize)
            }
            &Lookup::MultiplyShift {
                mult,
                shift,
                width,
                ref slots,
            } => read(
                slots.as_ref(),
                width,
                (key.wrapping_mul(mult) >> shift) as usize,
            ),
            &Lookup::Displace {
                seed,
                bucket_shift,
                ref displacements,
                slot_shift,
                width,
                ref slots,
            } => {
                let h = mix(key, seed);
                let d = read(displacements.as_ref(), 4, (h >> bucket_shift) as usize) as u64;
                read(slots.as_ref(), width, (mix(h, d) >> slot_shift) as usize)
            }
        };
        stored.checked_sub(1)
    }
}
