//! Compact JSON for the output lines: the same bytes as
//! `serde_json::to_writer`, written faster. Output runs about three times
//! the input and is mostly strings that need no escaping, so strings are
//! checked eight bytes at a time instead of one by one, and keys and numbers
//! go straight into the buffer.

use serde::ser::{self, Serialize};

type Error = serde_json::Error;
type Result<T = ()> = std::result::Result<T, Error>;

/// Appends `value` as compact JSON to `out`.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result {
    value.serialize(&mut Writer { out })
}

struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

/// Whether any of the eight bytes of `x` is below 0x20, a quote or a
/// backslash (exact: the borrow tricks only ever over-report within a word
/// that already has such a byte).
#[inline]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let b = x ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b;
    (below_space | quote | backslash) & HIGH != 0
}

/// The escape of `byte` as `serde_json` writes it, if it needs one.
#[inline]
fn escape(byte: u8) -> Option<&'static [u8]> {
    const CONTROL: [&[u8]; 32] = [
        b"\\u0000", b"\\u0001", b"\\u0002", b"\\u0003", b"\\u0004", b"\\u0005", b"\\u0006",
        b"\\u0007", b"\\b", b"\\t", b"\\n", b"\\u000b", b"\\f", b"\\r", b"\\u000e", b"\\u000f",
        b"\\u0010", b"\\u0011", b"\\u0012", b"\\u0013", b"\\u0014", b"\\u0015", b"\\u0016",
        b"\\u0017", b"\\u0018", b"\\u0019", b"\\u001a", b"\\u001b", b"\\u001c", b"\\u001d",
        b"\\u001e", b"\\u001f",
    ];
    match byte {
        0..=0x1F => Some(CONTROL[usize::from(byte)]),
        b'"' => Some(b"\\\""),
        b'\\' => Some(b"\\\\"),
        _ => None,
    }
}

/// No byte of `bytes` needs an escape: eight bytes at a time, the last
/// (or only) stretch read as overlapping loads.
#[inline]
fn clean(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let load8 = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
    let load4 = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("four bytes"));
    match n {
        8.. => {
            let mut i = 0;
            while i + 8 <= n {
                if needs_escape(load8(i)) {
                    return false;
                }
                i += 8;
            }
            i == n || !needs_escape(load8(n - 8))
        }
        4..=7 => !needs_escape(u64::from(load4(0)) | u64::from(load4(n - 4)) << 32),
        _ => bytes.iter().all(|&b| escape(b).is_none()),
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if clean(bytes) {
        out.extend_from_slice(bytes);
    } else {
        // Runs without escapes go in one copy.
        let mut done = 0;
        for (k, &byte) in bytes.iter().enumerate() {
            if let Some(e) = escape(byte) {
                out.extend_from_slice(&bytes[done..k]);
                out.extend_from_slice(e);
                done = k + 1;
            }
        }
        out.extend_from_slice(&bytes[done..]);
    }
    out.push(b'"');
}

impl Writer<'_> {
    fn integer(&mut self, v: impl itoa::Integer) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// What `serde_json` writes for a float (`null` when not finite).
    fn float<F: Serialize>(&mut self, v: F) -> Result {
        serde_json::to_writer(&mut *self.out, &v)
    }
}

/// A sequence, map or struct being written: whether a comma comes next.
pub struct Compound<'a, 'o> {
    w: &'a mut Writer<'o>,
    first: bool,
    /// `}` after the closing bracket of a variant's content.
    variant: bool,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
    }

    fn close(self, bracket: u8) -> Result {
        self.w.out.push(bracket);
        if self.variant {
            self.w.out.push(b'}');
        }
        Ok(())
    }
}

/// Integers of every width go through `itoa`.
macro_rules! integers {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result {
            self.integer(v);
            Ok(())
        }
    )*};
}

/// Sequences and tuples write their elements alike.
macro_rules! seq_like {
    ($($kind:ident::$method:ident),* $(,)?) => {$(
        impl ser::$kind for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.comma();
                value.serialize(&mut *self.w)
            }
            fn end(self) -> Result {
                self.close(b']')
            }
        }
    )*};
}

/// Structs and struct variants write their fields alike.
macro_rules! struct_like {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result {
                self.comma();
                write_str(self.w.out, key);
                self.w.out.push(b':');
                value.serialize(&mut *self.w)
            }
            fn end(self) -> Result {
                self.close(b'}')
            }
        }
    )*};
}

impl<'a, 'o> ser::Serializer for &'a mut Writer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    integers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128,
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.float(v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        serde_json::to_writer(&mut *self.out, v)
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'o>> {
        self.out.push(b'[');
        Ok(Compound {
            w: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":[");
        Ok(Compound {
            w: self,
            first: true,
            variant: true,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'o>> {
        self.out.push(b'{');
        Ok(Compound {
            w: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":{");
        Ok(Compound {
            w: self,
            first: true,
            variant: true,
        })
    }
}

seq_like! {
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        // Keys are strings here (field names); `serde_json` would quote
        // other keys, which no output line has.
        key.serialize(&mut *self.w)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        self.close(b'}')
    }
}

struct_like!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    fn same(v: &(impl Serialize + ?Sized)) {
        let mut ours = Vec::new();
        write(&mut ours, v).expect("writes");
        let theirs = serde_json::to_vec(v).expect("serializes");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("Ủy ban \"nhân dân\" \\ tỉnh\u{7f}\u{2028}😀");
        for s in [
            all.as_str(),
            "",
            "a",
            "12345678",
            "1234567\"",
            "\n",
            "Bình Định",
        ] {
            same(s);
            for cut in 0..s.len() {
                if s.is_char_boundary(cut) {
                    same(&s[cut..]);
                }
            }
        }
    }

    #[test]
    fn values_write_as_serde_json_does() {
        same(&(
            1u8,
            -2i64,
            u64::MAX,
            0.5f64,
            1e21f64,
            f64::NAN,
            true,
            None::<u8>,
            Some('x'),
        ));
        same(&vec![Some(vec![1, 2]), None]);
        let map: std::collections::BTreeMap<&str, Vec<f64>> =
            [("a", vec![]), ("b\"", vec![3.25, -0.0])]
                .into_iter()
                .collect();
        same(&map);
        same(&crate::extract(include_str!(
            "../data/samples/seed-dangbokhoi-2019.txt"
        )));
    }
}
