//! Chooses and builds the table behind each enum's `from_code`.
//!
//! The hash and the reading side are `errcodes_core::lookup`, the one definition generated code
//! calls at run time. `tests/tests/test_engine_runtime_agree.rs` reads every kind of table built
//! here through it, for fixed and arbitrary codes.

use errcodes_core::lookup::{int_key, mix, str_key};

use crate::model::Code;

/// The table for one enum, ready to be emitted as byte strings: the runtime's
/// [`errcodes_core::lookup::Lookup`], holding its bytes while they are built.
pub type Table = errcodes_core::lookup::Lookup<Vec<u8>>;

/// The 64-bit key the runtime hashes for `code`.
pub fn key(code: &Code) -> u64 {
    match code {
        Code::Int(code) => int_key(*code),
        Code::Str(code) => str_key(code),
    }
}

/// Largest table (in slots) the one-level multiply-shift hash may use.
const MULTIPLY_SHIFT_MAX_SLOTS: usize = 4096;
/// Multipliers tried per table size before the next size or scheme.
const MULTIPLY_SHIFT_TRIES: usize = 64;

/// Builds the table for `codes` (unique, in catalog order).
pub fn build(codes: &[Code]) -> Table {
    if codes.is_empty() {
        return Table::Empty;
    }
    let width = index_width(codes.len());
    let keys: Vec<u64> = codes.iter().map(key).collect();
    if let [Code::Int(_), ..] = codes
        && let Some(table) = dense(codes, width)
    {
        return table;
    }
    if let Some(table) = multiply_shift(&keys, width) {
        return table;
    }
    displace(&keys, width)
}

/// Builds the table for `codes` (unique) stored at `positions` of the enum's variants (an
/// enum with refinements has more variants than codes: a refinement shares its entry's code,
/// and `from_code` finds the entry).
pub fn build_at(codes: &[Code], positions: &[usize]) -> Table {
    debug_assert_eq!(codes.len(), positions.len());
    let table = build(codes);
    if positions
        .iter()
        .enumerate()
        .all(|(at, &position)| at == position)
    {
        return table;
    }
    let new_width = index_width(positions.iter().max().map_or(0, |&p| p + 1));
    let remap = |bytes: &[u8], width: usize| -> Vec<u8> {
        let mut out = vec![0; bytes.len() / width * new_width];
        for (slot, chunk) in bytes.chunks(width).enumerate() {
            let mut value = [0u8; 4];
            value[..width].copy_from_slice(chunk);
            let stored = u32::from_le_bytes(value) as usize;
            if stored != 0 {
                put(&mut out, new_width, slot, positions[stored - 1]);
            }
        }
        out
    };
    match table {
        Table::Empty => Table::Empty,
        Table::Dense { min, width, table } => Table::Dense {
            min,
            width: new_width,
            table: remap(&table, width),
        },
        Table::MultiplyShift {
            mult,
            shift,
            width,
            slots,
        } => Table::MultiplyShift {
            mult,
            shift,
            width: new_width,
            slots: remap(&slots, width),
        },
        Table::Displace {
            seed,
            bucket_shift,
            displacements,
            slot_shift,
            width,
            slots,
        } => Table::Displace {
            seed,
            bucket_shift,
            displacements,
            slot_shift,
            width: new_width,
            slots: remap(&slots, width),
        },
    }
}

/// Bytes per stored index: the value stored is index + 1, with 0 for an empty slot.
fn index_width(len: usize) -> usize {
    if len < u8::MAX as usize {
        1
    } else if len < u16::MAX as usize {
        2
    } else {
        4
    }
}

fn put(table: &mut [u8], width: usize, at: usize, index: usize) {
    let value = (index + 1) as u32;
    table[at * width..(at + 1) * width].copy_from_slice(&value.to_le_bytes()[..width]);
}

fn dense(codes: &[Code], width: usize) -> Option<Table> {
    let ints = || {
        codes.iter().map(|code| match code {
            Code::Int(code) => *code,
            Code::Str(_) => unreachable!("validated: one code type per enum"),
        })
    };
    let min = ints().min()?;
    let max = ints().max()?;
    let span = (max as i128 - min as i128 + 1) as u128;
    // Dense when the array is at most twice the number of codes (or tiny).
    if span > (codes.len() as u128 * 2).max(16) {
        return None;
    }
    let mut table = vec![0; span as usize * width];
    for (index, code) in ints().enumerate() {
        put(
            &mut table,
            width,
            (code as u64).wrapping_sub(min as u64) as usize,
            index,
        );
    }
    Some(Table::Dense {
        min: min as u64,
        width,
        table,
    })
}

/// A deterministic stream of odd 64-bit multipliers (splitmix64).
fn multipliers(mut state: u64) -> impl Iterator<Item = u64> {
    std::iter::repeat_with(move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) | 1
    })
}

fn multiply_shift(keys: &[u64], width: usize) -> Option<Table> {
    let min_bits = keys.len().next_power_of_two().trailing_zeros() + 1;
    let mut occupied = Vec::new();
    for bits in min_bits..=min_bits + 4 {
        let size = 1usize << bits;
        if size > MULTIPLY_SHIFT_MAX_SLOTS {
            break;
        }
        let shift = 64 - bits;
        'multiplier: for mult in multipliers(u64::from(bits)).take(MULTIPLY_SHIFT_TRIES) {
            occupied.clear();
            occupied.resize(size, false);
            for &key in keys {
                let slot = (key.wrapping_mul(mult) >> shift) as usize;
                if std::mem::replace(&mut occupied[slot], true) {
                    continue 'multiplier;
                }
            }
            let mut slots = vec![0; size * width];
            for (index, &key) in keys.iter().enumerate() {
                put(
                    &mut slots,
                    width,
                    (key.wrapping_mul(mult) >> shift) as usize,
                    index,
                );
            }
            return Some(Table::MultiplyShift {
                mult,
                shift,
                width,
                slots,
            });
        }
    }
    None
}

fn displace(keys: &[u64], width: usize) -> Table {
    // About four keys per bucket and a load of at most 0.8 keep the search short.
    let bucket_bits = (keys.len() / 4)
        .max(1)
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    let slot_bits = (keys.len() + keys.len() / 4 + 1)
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    for seed in multipliers(0xE11C_0DE5) {
        if let Some(table) = try_displace(keys, width, seed, bucket_bits, slot_bits) {
            return table;
        }
    }
    unreachable!("the seed stream is endless and a seed without equal hashes always succeeds")
}

fn try_displace(
    keys: &[u64],
    width: usize,
    seed: u64,
    bucket_bits: u32,
    slot_bits: u32,
) -> Option<Table> {
    let bucket_shift = 64 - bucket_bits;
    let slot_shift = 64 - slot_bits;
    let hashes: Vec<u64> = keys.iter().map(|&key| mix(key, seed)).collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); 1 << bucket_bits];
    for (index, &hash) in hashes.iter().enumerate() {
        buckets[(hash >> bucket_shift) as usize].push(index);
    }
    let mut order: Vec<usize> = (0..buckets.len()).collect();
    order.sort_by_key(|&bucket| std::cmp::Reverse(buckets[bucket].len()));

    let mut slot_of = vec![usize::MAX; 1 << slot_bits];
    let mut displacements = vec![0u32; buckets.len()];
    let mut trial = Vec::new();
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            break;
        }
        let found = (0..1u32 << 20).find(|&d| {
            trial.clear();
            for &index in members {
                let slot = (mix(hashes[index], u64::from(d)) >> slot_shift) as usize;
                if slot_of[slot] != usize::MAX || trial.contains(&slot) {
                    return false;
                }
                trial.push(slot);
            }
            true
        })?;
        displacements[bucket] = found;
        for &index in members {
            slot_of[(mix(hashes[index], u64::from(found)) >> slot_shift) as usize] = index;
        }
    }
    let mut slots = vec![0; slot_of.len() * width];
    for (slot, &index) in slot_of.iter().enumerate() {
        if index != usize::MAX {
            put(&mut slots, width, slot, index);
        }
    }
    Some(Table::Displace {
        seed,
        bucket_shift,
        displacements: displacements.iter().flat_map(|d| d.to_le_bytes()).collect(),
        slot_shift,
        width,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Whether the runtime finds every code in these tables is tested where both crates are
    // at hand: `tests/tests/test_engine_runtime_agree.rs`. Here: which table each shape gets.
    fn table_for(codes: &[Code]) -> Table {
        build(codes)
    }

    #[test]
    fn dense_codes_get_an_array() {
        let codes: Vec<Code> = (-5..40).map(Code::Int).collect();
        assert!(matches!(table_for(&codes), Table::Dense { .. }));
    }

    #[test]
    fn sparse_codes_get_a_one_level_hash() {
        let codes: Vec<Code> = (0..90)
            .map(|i| Code::Int(i * 7919 + (i % 3) * 100_000))
            .collect();
        assert!(matches!(table_for(&codes), Table::MultiplyShift { .. }));
    }

    #[test]
    fn many_sparse_codes_get_hash_and_displace() {
        let codes: Vec<Code> = (0..5000).map(|i| Code::Int(i * 104_729 - 3)).collect();
        assert!(matches!(
            table_for(&codes),
            Table::Displace { width: 2, .. }
        ));
    }

    #[test]
    fn extremes_do_not_overflow_the_dense_check() {
        let wide = table_for(&[Code::Int(i64::MIN), Code::Int(i64::MAX), Code::Int(0)]);
        assert!(matches!(wide, Table::MultiplyShift { .. }));
        let adjacent = table_for(&[Code::Int(i64::MIN), Code::Int(i64::MIN + 1)]);
        assert!(matches!(adjacent, Table::Dense { .. }));
    }
}
