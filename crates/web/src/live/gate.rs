//! Who may open another live socket. A socket holds its connection's slot for as long as
//! it lives and answers pings, so neither the idle timeout nor `room.rs` would ever push
//! it out: without a bound of their own, sockets could take every slot and the site would
//! stop answering. So live sockets may take at most half of `max_connections` (pages and
//! the API always keep the other half), and one client address at most `PER_ADDRESS`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// Sockets one client address may hold at once (a household or office behind one address
/// with many tabs open stays well below it).
pub const PER_ADDRESS: usize = 32;

/// The admission counts, shared by every request of this instance.
#[derive(Debug)]
pub struct LiveGate {
    most: usize,
    open: Mutex<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    total: usize,
    by_address: HashMap<String, usize>,
}

/// A socket's admission, given back when it closes.
#[derive(Debug)]
pub struct Admitted {
    gate: Arc<LiveGate>,
    address: String,
}

impl LiveGate {
    /// A gate letting at most `most` sockets in at once.
    pub fn new(most: usize) -> Self {
        Self {
            most: most.max(1),
            open: Mutex::default(),
        }
    }

    /// Admits one more socket for `address`, or None when either bound is reached.
    pub fn admit(self: &Arc<Self>, address: &str) -> Option<Admitted> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let theirs = open.by_address.get(address).copied().unwrap_or(0);
        if open.total >= self.most || theirs >= PER_ADDRESS {
            return None;
        }
        open.total += 1;
        open.by_address.insert(address.to_owned(), theirs + 1);
        Some(Admitted {
            gate: self.clone(),
            address: address.to_owned(),
        })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self
            .gate
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        open.total = open.total.saturating_sub(1);
        if let Some(n) = open.by_address.get_mut(&self.address) {
            *n -= 1;
            if *n == 0 {
                open.by_address.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sockets_are_bounded_in_all_and_per_address() {
        let gate = Arc::new(LiveGate::new(40));
        let mine: Vec<_> = (0..PER_ADDRESS)
            .filter_map(|_| gate.admit("192.0.2.1"))
            .collect();
        assert_eq!(mine.len(), PER_ADDRESS);
        assert!(
            gate.admit("192.0.2.1").is_none(),
            "one address holds at most PER_ADDRESS"
        );
        let others: Vec<_> = (0..20).filter_map(|_| gate.admit("192.0.2.2")).collect();
        assert_eq!(others.len(), 40 - PER_ADDRESS, "at most `most` in all");
        drop(mine);
        assert!(
            gate.admit("192.0.2.1").is_some(),
            "closing gives the places back"
        );
    }
}
