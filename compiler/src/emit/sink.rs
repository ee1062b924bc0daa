//! Where emitted artifacts go: a [`Sink`] takes each file as it is produced, so no artifact's
//! whole text is held in memory on the way to its file.
//!
//! The compiler does no file I/O: the CLI implements [`Sink`] on its staging folder
//! (`src/cmd/output.rs`), and [`Memory`] keeps the files for the in-memory API (`emit()`,
//! `yjs preview`, the tests), so both see the same bytes. Emitters write through [`Out`]:
//! [`Out::text`] for a document rendered as a string, [`Out::json`] for a JSON artifact,
//! which serde_json serializes into a chunk buffer of [`CHUNK`] bytes; the sink is called
//! once per full chunk, never per token. A sink may fork ([`Sink::fork`], [`Out::fork`]) into
//! a second one for the same folder that another thread writes into.

use super::error::EmitError;
use super::guide::GuideError;
use serde::Serialize;
use std::convert::Infallible;
use std::fmt;
use std::io;

/// The files of a build, one at a time: [`Sink::begin`] a file, [`Sink::write`] its bytes
/// (any number of times), [`Sink::end`] it. Paths are relative to the output folder, with `/`
/// between components.
pub trait Sink {
    /// Why the sink refused (the CLI's is its output error).
    type Error;

    /// Starts the file at `path`.
    fn begin(&mut self, path: &str) -> Result<(), Self::Error>;

    /// Appends bytes to the file begun last.
    fn write(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;

    /// Ends the file begun last.
    fn end(&mut self) -> Result<(), Self::Error>;

    /// A second sink for files under `folder` (a matter's), to be written from another thread
    /// while this one goes on: its files land where this sink's would. `None`, the default,
    /// when the sink cannot take files from two threads (a sink that keeps the order files
    /// were written in, as [`Memory`] does); the caller then writes them here in turn.
    fn fork(&mut self, folder: &str) -> Result<Option<SendSink<Self::Error>>, Self::Error> {
        let _ = folder;
        Ok(None)
    }
}

/// A sink that another thread can own: what [`Sink::fork`] returns.
pub type SendSink<E> = Box<dyn Sink<Error = E> + Send>;

/// Why a streaming build stopped: an artifact could not be emitted, or the sink refused it.
#[derive(Debug)]
pub enum StreamError<E> {
    /// Emitting failed (a bug in yjs; see [`EmitError::diagnostic`]).
    Emit(EmitError),
    /// The sink failed, e.g. writing a file.
    Sink(E),
}

impl<E> From<EmitError> for StreamError<E> {
    fn from(e: EmitError) -> Self {
        StreamError::Emit(e)
    }
}

impl<E> From<GuideError> for StreamError<E> {
    fn from(e: GuideError) -> Self {
        StreamError::Emit(EmitError::Guide(e))
    }
}

impl<E> StreamError<E> {
    /// The error, said to have happened in `matter` when it is an emitting error.
    pub fn in_matter(self, matter: &str) -> Self {
        match self {
            StreamError::Emit(e) => StreamError::Emit(e.in_matter(matter)),
            sink => sink,
        }
    }
}

impl StreamError<Infallible> {
    /// The emitting error of a sink that cannot fail.
    pub fn emitting(self) -> EmitError {
        match self {
            StreamError::Emit(e) => e,
            StreamError::Sink(never) => match never {},
        }
    }
}

impl<E: fmt::Display> fmt::Display for StreamError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::Emit(e) => write!(f, "{e}"),
            StreamError::Sink(e) => write!(f, "{e}"),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for StreamError<E> {}

/// The size of the buffer a JSON artifact is serialized into before the sink takes it.
pub const CHUNK: usize = 64 * 1024;

/// The sink as an emitter writes to it: text files whole, JSON files through a chunk buffer,
/// every path under a folder (a matter's, or none).
pub struct Out<'a, E> {
    sink: &'a mut dyn Sink<Error = E>,
    /// The folder every path is under, with its trailing `/` (empty: the output folder).
    folder: String,
    /// The chunk buffer, allocated at the first JSON file and reused for the next.
    buf: Vec<u8>,
}

impl<'a, E> Out<'a, E> {
    /// Writes into `sink`, paths as given.
    pub fn new(sink: &'a mut dyn Sink<Error = E>) -> Self {
        Out {
            sink,
            folder: String::new(),
            buf: Vec::new(),
        }
    }

    /// Writes into `sink`, every path under `folder`.
    pub fn under(sink: &'a mut dyn Sink<Error = E>, folder: &str) -> Self {
        Out {
            sink,
            folder: format!("{folder}/"),
            buf: Vec::new(),
        }
    }

    /// A second writer into the same folder for another thread ([`Sink::fork`]), or `None`
    /// when the sink takes files in turn only.
    pub fn fork(&mut self) -> Result<Option<Forked<E>>, StreamError<E>> {
        let folder = self.folder.trim_end_matches('/');
        let sink = self.sink.fork(folder).map_err(StreamError::Sink)?;
        Ok(sink.map(|sink| Forked {
            sink,
            folder: folder.to_owned(),
        }))
    }

    fn begin(&mut self, path: &str) -> Result<(), StreamError<E>> {
        let result = if self.folder.is_empty() {
            self.sink.begin(path)
        } else {
            self.sink.begin(&format!("{}{path}", self.folder))
        };
        result.map_err(StreamError::Sink)
    }

    /// Writes the file `path` with `text`.
    pub fn text(&mut self, path: &str, text: &str) -> Result<(), StreamError<E>> {
        self.begin(path)?;
        self.sink
            .write(text.as_bytes())
            .and_then(|()| self.sink.end())
            .map_err(StreamError::Sink)
    }

    /// Writes the file `path` (also the artifact's name in a serialization error) with `value`
    /// as two-space pretty JSON and a trailing newline, the bytes of [`super::error::pretty`].
    pub fn json<T: Serialize + ?Sized>(
        &mut self,
        path: &'static str,
        value: &T,
    ) -> Result<(), StreamError<E>> {
        self.begin(path)?;
        if self.buf.capacity() < CHUNK {
            self.buf = Vec::with_capacity(CHUNK);
        }
        let mut failed = None;
        let sink = &mut *self.sink;
        let mut hand = |bytes: &[u8]| {
            sink.write(bytes).map_err(|e| {
                failed = Some(e);
                io::Error::other("the sink refused")
            })
        };
        let mut chunks = Chunks {
            buf: &mut self.buf,
            hand: &mut hand,
        };
        let result = super::indent::to_writer(&mut chunks, value).and_then(|()| {
            io::Write::write_all(&mut chunks, b"\n")
                .and_then(|()| chunks.hand_over())
                .map_err(serde_json::Error::io)
        });
        // The chunk buffer is empty again for the next file, whatever happened.
        self.buf.clear();
        if let Some(e) = failed {
            return Err(StreamError::Sink(e));
        }
        result.map_err(|source| EmitError::Serialize {
            artifact: path,
            source,
        })?;
        self.sink.end().map_err(StreamError::Sink)
    }
}

/// A sink forked from an [`Out`], owned by the thread that writes into it.
pub struct Forked<E> {
    sink: SendSink<E>,
    folder: String,
}

impl<E> Forked<E> {
    /// Writes into the forked sink, under the folder of the [`Out`] it was forked from.
    pub fn out(&mut self) -> Out<'_, E> {
        if self.folder.is_empty() {
            Out::new(&mut *self.sink)
        } else {
            Out::under(&mut *self.sink, &self.folder)
        }
    }
}

/// The writer serde_json serializes into: a concrete type, so each token is a copy into the
/// buffer, and a full buffer is handed to the sink through one dynamic call.
struct Chunks<'b> {
    buf: &'b mut Vec<u8>,
    hand: &'b mut dyn FnMut(&[u8]) -> io::Result<()>,
}

impl Chunks<'_> {
    /// Hands what is buffered to the sink.
    fn hand_over(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            (self.hand)(self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    #[cold]
    fn spill(&mut self, data: &[u8]) -> io::Result<()> {
        self.hand_over()?;
        if data.len() >= CHUNK {
            (self.hand)(data)
        } else {
            self.buf.extend_from_slice(data);
            Ok(())
        }
    }
}

impl io::Write for Chunks<'_> {
    #[inline]
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.write_all(data)?;
        Ok(data.len())
    }

    #[inline]
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        if data.len() <= CHUNK - self.buf.len() {
            self.buf.extend_from_slice(data);
            Ok(())
        } else {
            self.spill(data)
        }
    }

    /// The buffer is handed over when full and at the end of the file, not on `flush`.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A sink that keeps every file in memory, in the order written.
#[derive(Debug, Default)]
pub struct Memory {
    files: Vec<(String, Vec<u8>)>,
}

impl Sink for Memory {
    type Error = Infallible;

    fn begin(&mut self, path: &str) -> Result<(), Infallible> {
        self.files.push((path.to_owned(), Vec::new()));
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Infallible> {
        if let Some((_, contents)) = self.files.last_mut() {
            contents.extend_from_slice(bytes);
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
}

impl Memory {
    /// The files written, as `(path, text)` in the order written.
    pub fn into_files(self) -> Result<Vec<(String, String)>, EmitError> {
        self.files
            .into_iter()
            .map(|(path, bytes)| match String::from_utf8(bytes) {
                Ok(text) => Ok((path, text)),
                Err(_) => Err(EmitError::NotText { path }),
            })
            .collect()
    }
}

/// Runs an emitter into a [`Memory`] sink and returns its files.
pub fn in_memory(
    emit: impl FnOnce(&mut Out<'_, Infallible>) -> Result<(), StreamError<Infallible>>,
) -> Result<Vec<(String, String)>, EmitError> {
    let mut memory = Memory::default();
    emit(&mut Out::new(&mut memory)).map_err(StreamError::emitting)?;
    memory.into_files()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that records each call, and refuses a write when told to.
    #[derive(Default)]
    struct Calls {
        writes: Vec<usize>,
        refuse: bool,
    }

    impl Sink for Calls {
        type Error = &'static str;
        fn begin(&mut self, _: &str) -> Result<(), &'static str> {
            Ok(())
        }
        fn write(&mut self, bytes: &[u8]) -> Result<(), &'static str> {
            if self.refuse {
                return Err("disk full");
            }
            self.writes.push(bytes.len());
            Ok(())
        }
        fn end(&mut self) -> Result<(), &'static str> {
            Ok(())
        }
    }

    #[test]
    fn json_is_the_bytes_of_pretty_whatever_the_chunks() {
        let value: Vec<String> = (0..20_000).map(|i| format!("字段{i}")).collect();
        let files = in_memory(|out| {
            out.json("a.json", &value)?;
            out.json("b.json", &[1, 2])
        })
        .unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(
            files[0].1,
            super::super::error::pretty("a.json", &value).unwrap()
        );
        assert_eq!(files[1].1, "[\n  1,\n  2\n]\n");
    }

    #[test]
    fn the_sink_is_called_once_per_full_chunk() {
        let value: Vec<u32> = (0..100_000).collect();
        let mut calls = Calls::default();
        Out::new(&mut calls).json("a.json", &value).unwrap();
        let total = super::super::error::pretty("a.json", &value).unwrap().len();
        assert_eq!(calls.writes.iter().sum::<usize>(), total);
        assert!(
            calls.writes.len() <= total / (CHUNK / 2) + 1,
            "{:?}",
            calls.writes
        );
    }

    #[test]
    fn a_refusing_sink_is_a_sink_error_not_a_serialization_error() {
        let value: Vec<u32> = (0..100_000).collect();
        let mut calls = Calls {
            refuse: true,
            ..Calls::default()
        };
        let e = Out::new(&mut calls).json("a.json", &value);
        assert!(matches!(e, Err(StreamError::Sink("disk full"))));
    }
}
