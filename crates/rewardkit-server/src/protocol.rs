//! JSON bodies for the errors hyper answers itself.
//!
//! hyper's HTTP/1 parser answers a request it cannot parse (bad request line, bad header or
//! `Content-Length`, URI over 65,534 bytes, too many or too large headers) with a bare
//! `400`/`414`/`431` and `content-length: 0`, before any handler or middleware runs, and offers
//! no hook to change that answer. [`JsonErrors`] wraps the connection's socket and replaces
//! exactly that answer, on its way out, with the server's JSON error shape. It is recognised
//! by its form: a `400`/`414`/`431` head with `content-length: 0` and no body. The router
//! never writes such a response (its 4xx answers are all JSON with a body), so nothing else is
//! touched. After such an answer hyper closes the connection; the replacement says so.

use crate::AppState;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// A socket whose hyper-generated protocol-error answers get JSON bodies.
pub(crate) struct JsonErrors<S> {
    inner: S,
    state: AppState,
    /// A replacement being written: (bytes, written so far, length of hyper's buffer).
    pending: Option<(Vec<u8>, usize, usize)>,
    /// A replacement was written: the connection is over, later writes are dropped.
    replaced: bool,
}

impl<S> JsonErrors<S> {
    pub(crate) fn new(inner: S, state: AppState) -> Self {
        JsonErrors {
            inner,
            state,
            pending: None,
            replaced: false,
        }
    }
}

/// The status of a hyper protocol-error answer in `buf`, if `buf` is one.
fn protocol_error_status(buf: &[u8]) -> Option<u16> {
    if buf.len() > 1024 || !buf.ends_with(b"\r\n\r\n") {
        return None;
    }
    let rest = buf
        .strip_prefix(b"HTTP/1.1 ")
        .or_else(|| buf.strip_prefix(b"HTTP/1.0 "))?;
    let status = match rest.get(..4)? {
        b"400 " => 400,
        b"414 " => 414,
        b"431 " => 431,
        _ => return None,
    };
    let head = std::str::from_utf8(buf).ok()?;
    let mut empty = false;
    for line in head.split("\r\n").skip(1) {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        if k.eq_ignore_ascii_case("content-length") {
            empty = v.trim() == "0";
        } else if k.eq_ignore_ascii_case("content-type")
            || k.eq_ignore_ascii_case("transfer-encoding")
        {
            return None;
        }
    }
    empty.then_some(status)
}

/// The JSON answer that replaces hyper's empty one.
fn replacement(status: u16, original: &[u8]) -> Vec<u8> {
    let (reason, code, message) = match status {
        414 => (
            "URI Too Long",
            "uri_too_long",
            "request URI too long (at most 65534 bytes)",
        ),
        431 => (
            "Request Header Fields Too Large",
            "headers_too_large",
            "request headers too large (at most 100 headers and about 400 KiB in all)",
        ),
        _ => (
            "Bad Request",
            "bad_request",
            "malformed HTTP request: bad request line, header or Content-Length",
        ),
    };
    let body = serde_json::json!({"error": {"code": code, "message": message}}).to_string();
    let date = std::str::from_utf8(original)
        .ok()
        .and_then(|h| {
            h.split("\r\n")
                .find(|l| l.len() > 5 && l[..5].eq_ignore_ascii_case("date:"))
        })
        .map(|l| format!("{l}\r\n"))
        .unwrap_or_default();
    format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{date}\r\n{body}",
        body.len()
    )
    .into_bytes()
}

impl<S: AsyncWrite + Unpin> JsonErrors<S> {
    /// Writes the pending replacement; `Ready(Ok(n))` with the length of hyper's buffer once
    /// all of it is out.
    fn drive(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        while let Some((bytes, written, claimed)) = &mut self.pending {
            if *written >= bytes.len() {
                let n = *claimed;
                self.pending = None;
                self.replaced = true;
                return Poll::Ready(Ok(n));
            }
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &bytes[*written..]))?;
            if n == 0 {
                self.pending = None;
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *written += n;
        }
        Poll::Ready(Ok(0))
    }

    fn start(&mut self, status: u16, buf: &[u8]) {
        self.state.metrics().protocol_error();
        tracing::info!(status, "malformed HTTP request answered");
        self.pending = Some((replacement(status, buf), 0, buf.len()));
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for JsonErrors<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for JsonErrors<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.replaced {
            return Poll::Ready(Ok(buf.len()));
        }
        if this.pending.is_none() {
            match protocol_error_status(buf) {
                Some(status) => this.start(status, buf),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        this.drive(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.replaced {
            return Poll::Ready(Ok(bufs.iter().map(|b| b.len()).sum()));
        }
        if this.pending.is_none() {
            let mut nonempty = bufs.iter().filter(|b| !b.is_empty());
            let only = match (nonempty.next(), nonempty.next()) {
                (Some(b), None) => protocol_error_status(b).map(|s| (s, &**b)),
                _ => None,
            };
            match only {
                Some((status, b)) => this.start(status, b),
                None => return Pin::new(&mut this.inner).poll_write_vectored(cx, bufs),
            }
        }
        this.drive(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drive(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drive(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_only_hypers_empty_error_answers() {
        let hyper400 =
            b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\ndate: Tue, 01 Dec 2026 04:34:27 GMT\r\n\r\n";
        assert_eq!(protocol_error_status(hyper400), Some(400));
        assert_eq!(
            protocol_error_status(
                b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n\r\n"
            ),
            Some(431)
        );
        // Our own JSON errors, other statuses, bodies: untouched.
        assert_eq!(
            protocol_error_status(
                b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n"
            ),
            None
        );
        assert_eq!(
            protocol_error_status(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"),
            None
        );
        assert_eq!(
            protocol_error_status(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 2\r\n\r\n{}"),
            None
        );
        let r = String::from_utf8(replacement(400, hyper400)).unwrap();
        let (head, body) = r.split_once("\r\n\r\n").unwrap();
        assert!(head.contains("date: Tue"), "{head}");
        assert!(head.contains(&format!("content-length: {}", body.len())));
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["error"]["code"], "bad_request");
    }
}
