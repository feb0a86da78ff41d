//! Records to Python objects through their `Serialize`, the way the CLI's
//! JSON writer walks them, so that the dicts hold the same keys and values
//! as the JSON. Faster than a general converter: keys and the short strings
//! that repeat across records (kinds, rules, categories, names of bodies)
//! are made once per call and shared, as `json.loads` does not.

use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};

/// Strings up to this many bytes are shared; longer ones are mostly texts
/// of their own.
const SHARED_BYTES: usize = 48;
/// The shared strings are dropped when there are this many, so that memory
/// stays bounded on any input.
const SHARED_MAX: usize = 1 << 16;

/// Converts values for one call, sharing the strings it has made.
pub(crate) struct ToPy<'py> {
    py: Python<'py>,
    strings: HashMap<Box<str>, Py<PyString>, foldhash::fast::RandomState>,
}

#[derive(Debug)]
pub(crate) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<std::convert::Infallible> for Error {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

impl<'py> ToPy<'py> {
    pub(crate) fn new(py: Python<'py>) -> Self {
        ToPy {
            py,
            strings: HashMap::default(),
        }
    }

    /// `value` as a Python object.
    pub(crate) fn convert<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> PyResult<Bound<'py, PyAny>> {
        value
            .serialize(&mut *self)
            .map_err(|e| PyValueError::new_err(e.0))
    }

    fn string(&mut self, s: &str) -> Bound<'py, PyAny> {
        if s.len() > SHARED_BYTES {
            return PyString::new(self.py, s).into_any();
        }
        if let Some(p) = self.strings.get(s) {
            return p.bind(self.py).clone().into_any();
        }
        if self.strings.len() >= SHARED_MAX {
            self.strings.clear();
        }
        let p = PyString::new(self.py, s);
        self.strings.insert(s.into(), p.clone().unbind());
        p.into_any()
    }
}

/// A list or dict being filled.
pub(crate) struct Compound<'a, 'py> {
    to: &'a mut ToPy<'py>,
    items: Vec<Bound<'py, PyAny>>,
    dict: Option<Bound<'py, PyDict>>,
    key: Option<Bound<'py, PyAny>>,
    /// The variant's name, when this is a variant's content.
    variant: Option<&'static str>,
}

impl<'py> Compound<'_, 'py> {
    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let py = self.to.py;
        let value = match self.dict {
            Some(d) => d.into_any(),
            None => PyList::new(py, self.items)?.into_any(),
        };
        match self.variant {
            Some(name) => {
                let outer = PyDict::new(py);
                outer.set_item(self.to.string(name), value)?;
                Ok(outer.into_any())
            }
            None => Ok(value),
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let v = value.serialize(&mut *self.to)?;
        self.items.push(v);
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<()> {
        let k = self.to.string(key);
        let v = value.serialize(&mut *self.to)?;
        self.dict.as_ref().expect("a dict").set_item(k, v)?;
        Ok(())
    }
}

macro_rules! integers {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<Bound<'py, PyAny>> {
            Ok(v.into_pyobject(self.py)?.into_any())
        }
    )*};
}

macro_rules! seq_like {
    ($($kind:ident::$method:ident),* $(,)?) => {$(
        impl<'py> ser::$kind for Compound<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.element(value)
            }
            fn end(self) -> Result<Bound<'py, PyAny>> {
                self.finish()
            }
        }
    )*};
}

macro_rules! struct_like {
    ($($kind:ident),*) => {$(
        impl<'py> ser::$kind for Compound<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<()> {
                self.field(key, value)
            }
            fn end(self) -> Result<Bound<'py, PyAny>> {
                self.finish()
            }
        }
    )*};
}

seq_like! {
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
}

struct_like!(SerializeStruct, SerializeStructVariant);

impl<'py> ser::SerializeMap for Compound<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(&mut *self.to)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let k = self.key.take().expect("a key before its value");
        let v = value.serialize(&mut *self.to)?;
        self.dict.as_ref().expect("a dict").set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Result<Bound<'py, PyAny>> {
        self.finish()
    }
}

impl<'a, 'py> ser::Serializer for &'a mut ToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Compound<'a, 'py>;
    type SerializeTuple = Compound<'a, 'py>;
    type SerializeTupleStruct = Compound<'a, 'py>;
    type SerializeTupleVariant = Compound<'a, 'py>;
    type SerializeMap = Compound<'a, 'py>;
    type SerializeStruct = Compound<'a, 'py>;
    type SerializeStructVariant = Compound<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Bound<'py, PyAny>> {
        Ok(v.into_pyobject(self.py)?.to_owned().into_any())
    }
    integers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128, serialize_f32: f32, serialize_f64: f64,
    }
    fn serialize_char(self, v: char) -> Result<Bound<'py, PyAny>> {
        Ok(self.string(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<Bound<'py, PyAny>> {
        Ok(self.string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Bound<'py, PyAny>> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Bound<'py, PyAny>> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Bound<'py, PyAny>> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Bound<'py, PyAny>> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Bound<'py, PyAny>> {
        Ok(self.string(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Bound<'py, PyAny>> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Bound<'py, PyAny>> {
        let inner = value.serialize(&mut *self)?;
        let outer = PyDict::new(self.py);
        outer.set_item(self.string(variant), inner)?;
        Ok(outer.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'py>> {
        Ok(Compound {
            items: Vec::with_capacity(len.unwrap_or(0)),
            to: self,
            dict: None,
            key: None,
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'py>> {
        let mut c = self.serialize_seq(Some(len))?;
        c.variant = Some(variant);
        Ok(c)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'py>> {
        let dict = PyDict::new(self.py);
        Ok(Compound {
            to: self,
            items: Vec::new(),
            dict: Some(dict),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'py>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'py>> {
        let mut c = self.serialize_map(None)?;
        c.variant = Some(variant);
        Ok(c)
    }
}
