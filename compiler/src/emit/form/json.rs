//! Small serialization helpers for the form artifacts, which are written straight from the IR:
//! a sequence from an iterator, the empty object, an object of one entry.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON array of what an iterator yields, serialized without collecting it.
#[derive(Clone)]
pub struct Seq<I>(I);

impl<I> Seq<I> {
    /// The array of `iter`'s items.
    pub fn new(iter: I) -> Self {
        Seq(iter)
    }
}

impl<I> Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for x in self.0.clone() {
            seq.serialize_element(&x)?;
        }
        seq.end()
    }
}

/// `{}`.
#[derive(Clone, Copy)]
pub struct Empty;

impl Serialize for Empty {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
}

/// `{ key: value }`.
pub struct One<'a, T: Serialize>(pub &'a str, pub T);

impl<T: Serialize> Serialize for One<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(self.0, &self.1)?;
        m.end()
    }
}

/// An object with every key an iterator yields, each with the same value.
#[derive(Clone)]
pub struct Keys<I, V>(pub I, pub V);

impl<I, V> Serialize for Keys<I, V>
where
    I: Iterator + Clone,
    I::Item: Serialize,
    V: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for k in self.0.clone() {
            m.serialize_entry(&k, &self.1)?;
        }
        m.end()
    }
}
