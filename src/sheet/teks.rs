//! What HTML and CSV workbooks share: telling them by their first bytes, choosing their
//! character encoding, and decoding them to UTF-8 as they are read.
//!
//! SIPD helper tools save a table as HTML under an `.xls` name (docs/dpa-tata-letak.md,
//! layout 6), and some exports are CSV. Neither has a signature such as a zip's `PK`, so an
//! HTML file is told by its content (the first non-blank byte after an optional BOM is `<`
//! and its start names `<table`, `<html` or `<!doctype`), and a CSV by its `.csv` name.
//!
//! Encoding: a BOM wins (UTF-8; UTF-16 too, which Excel's "Unicode" exports use: such a CSV
//! is read, such an HTML file is not recognised, its `<` being two bytes); then, for HTML, a `<meta charset=…>` (or `http-equiv`
//! `content="…; charset=…"`) in the first [`AWAL_TEKS`] bytes; then UTF-8 when the whole file
//! is valid UTF-8, else Windows-1252 (what Excel writes on an Indonesian Windows). The
//! validity is checked in one streaming pass, so a file is never held whole; decoding is
//! streamed too ([`Urai`]), so memory does not grow with the file.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::io::{self, Read};

/// The bytes looked at to tell HTML and to find its `<meta charset>`.
pub const AWAL_TEKS: usize = 64 * 1024;

const BOM_UTF8: &[u8] = b"\xEF\xBB\xBF";

/// The bytes after a UTF-8 BOM, if there is one.
fn tanpa_bom(awal: &[u8]) -> &[u8] {
    awal.strip_prefix(BOM_UTF8).unwrap_or(awal)
}

/// Whether `pola` (lowercase ASCII) occurs in `teks`, ASCII case ignored.
fn memuat(teks: &[u8], pola: &[u8]) -> bool {
    teks.windows(pola.len())
        .any(|w| w.eq_ignore_ascii_case(pola))
}

/// Where `pola` (lowercase ASCII) first occurs in `teks` from `dari`, ASCII case ignored.
fn cari(teks: &[u8], pola: &[u8], dari: usize) -> Option<usize> {
    teks.get(dari..)?
        .windows(pola.len())
        .position(|w| w.eq_ignore_ascii_case(pola))
        .map(|i| i + dari)
}

/// Whether a file's first bytes are an HTML page or table: after an optional UTF-8 BOM and
/// white space the first byte is `<`, and the start names `<table`, `<html` or `<!doctype`.
/// An Excel 2003 XML workbook (SpreadsheetML: `<?xml …><Workbook …><Table>`) is not.
pub fn tampak_html(awal: &[u8]) -> bool {
    let isi = tanpa_bom(awal).trim_ascii_start();
    if isi.first() != Some(&b'<') {
        return false;
    }
    if isi.starts_with(b"<?xml") && memuat(isi, b"<workbook") {
        return false;
    }
    [&b"<table"[..], b"<html", b"<!doctype"]
        .iter()
        .any(|p| memuat(isi, p))
}

/// The encoding a `<meta>` tag in the first bytes of an HTML file names, as a browser reads
/// it (a UTF-16 label means UTF-8, since the file was read as ASCII to find it; an unknown
/// label is ignored).
pub fn meta_charset(awal: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while let Some(mulai) = cari(awal, b"<meta", i) {
        let akhir = awal[mulai..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(awal.len(), |n| mulai + n);
        let tag = &awal[mulai..akhir];
        if let Some(j) = cari(tag, b"charset", 0) {
            let sisa = tag[j + 7..].trim_ascii_start();
            if let Some(sisa) = sisa.strip_prefix(b"=") {
                let sisa = sisa.trim_ascii_start();
                let sisa = sisa
                    .strip_prefix(b"\"")
                    .or_else(|| sisa.strip_prefix(b"'"))
                    .unwrap_or(sisa);
                let label: &[u8] = sisa
                    .split(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .next()
                    .unwrap_or_default();
                if let Some(e) = Encoding::for_label(label) {
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        return Some(UTF_8);
                    }
                    if e == encoding_rs::X_USER_DEFINED {
                        return Some(WINDOWS_1252);
                    }
                    if e != encoding_rs::REPLACEMENT {
                        return Some(e);
                    }
                }
            }
        }
        i = akhir.max(mulai + 1);
    }
    None
}

/// Whether everything `r` yields is valid UTF-8, read in pieces (a character cut by a piece's
/// end is carried to the next).
pub fn utf8_sah(mut r: impl Read) -> io::Result<bool> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut bawa = 0;
    loop {
        let n = match r.read(&mut buf[bawa..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(bawa == 0);
        }
        let isi = &buf[..bawa + n];
        match std::str::from_utf8(isi) {
            Ok(_) => bawa = 0,
            // A character cut at the end of this piece: keep its bytes for the next.
            Err(e) if e.error_len().is_none() => {
                let sah = e.valid_up_to();
                let sisa = isi.len() - sah;
                buf.copy_within(sah..sah + sisa, 0);
                bawa = sisa;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// The encoding of a text workbook: a BOM (UTF-8, UTF-16), then (for HTML) its
/// `<meta charset>`, then UTF-8 when `sah_utf8` says the whole file is valid UTF-8, else
/// Windows-1252.
pub fn pilih_penyandian(
    awal: &[u8],
    html: bool,
    sah_utf8: impl FnOnce() -> io::Result<bool>,
) -> io::Result<&'static Encoding> {
    if let Some((e, _)) = Encoding::for_bom(awal) {
        return Ok(e);
    }
    if html && let Some(e) = meta_charset(awal) {
        return Ok(e);
    }
    Ok(if sah_utf8()? { UTF_8 } else { WINDOWS_1252 })
}

/// The first [`AWAL_TEKS`] bytes `r` yields (fewer at its end).
pub fn baca_awal(r: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut awal = Vec::with_capacity(AWAL_TEKS);
    r.take(AWAL_TEKS as u64).read_to_end(&mut awal)?;
    Ok(awal)
}

/// Bytes decoded to UTF-8 as they are read (malformed bytes become U+FFFD; a BOM of the
/// encoding is dropped). Memory is two fixed buffers, whatever the input's size.
pub struct Urai<R> {
    dalam: R,
    pengurai: encoding_rs::Decoder,
    masuk: Box<[u8]>,
    masuk_awal: usize,
    masuk_akhir: usize,
    keluar: Box<[u8]>,
    keluar_awal: usize,
    keluar_akhir: usize,
    /// The input has ended.
    habis: bool,
    /// The decoder was told the input ended and has given everything back.
    selesai: bool,
}

impl<R: Read> Urai<R> {
    pub fn new(dalam: R, penyandian: &'static Encoding) -> Self {
        Urai {
            dalam,
            pengurai: penyandian.new_decoder_with_bom_removal(),
            masuk: vec![0u8; 32 * 1024].into_boxed_slice(),
            masuk_awal: 0,
            masuk_akhir: 0,
            keluar: vec![0u8; 32 * 1024].into_boxed_slice(),
            keluar_awal: 0,
            keluar_akhir: 0,
            habis: false,
            selesai: false,
        }
    }
}

impl<R: Read> Read for Urai<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.keluar_awal < self.keluar_akhir {
                let n = buf.len().min(self.keluar_akhir - self.keluar_awal);
                buf[..n].copy_from_slice(&self.keluar[self.keluar_awal..self.keluar_awal + n]);
                self.keluar_awal += n;
                return Ok(n);
            }
            if self.selesai || buf.is_empty() {
                return Ok(0);
            }
            if self.masuk_awal == self.masuk_akhir && !self.habis {
                let n = match self.dalam.read(&mut self.masuk) {
                    Ok(n) => n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                self.masuk_awal = 0;
                self.masuk_akhir = n;
                self.habis = n == 0;
            }
            let (hasil, dibaca, ditulis, _) = self.pengurai.decode_to_utf8(
                &self.masuk[self.masuk_awal..self.masuk_akhir],
                &mut self.keluar,
                self.habis,
            );
            self.masuk_awal += dibaca;
            self.keluar_awal = 0;
            self.keluar_akhir = ditulis;
            if self.habis && hasil == encoding_rs::CoderResult::InputEmpty {
                self.selesai = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urai(bita: &[u8], e: &'static Encoding) -> String {
        let mut s = String::new();
        Urai::new(bita, e).read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn html_dikenali_dari_isinya() {
        assert!(tampak_html(b"\xEF\xBB\xBF \r\n<div id=\"cetak\"><TABLE>"));
        assert!(tampak_html(b"<!DOCTYPE html><p>"));
        assert!(tampak_html(b"  <HTML>"));
        assert!(!tampak_html(b"Kode;Uraian\n<table>"));
        assert!(!tampak_html(b"<div>tanpa tabel</div>"));
        assert!(!tampak_html(
            b"<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table>"
        ));
        assert!(!tampak_html(b""));
    }

    #[test]
    fn meta_charset_dibaca_seperti_browser() {
        assert_eq!(
            meta_charset(b"<head><META charset=\"windows-1252\">"),
            Some(WINDOWS_1252)
        );
        assert_eq!(
            meta_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
            ),
            Some(WINDOWS_1252)
        );
        assert_eq!(meta_charset(b"<meta charset='utf-16le'>"), Some(UTF_8));
        assert_eq!(meta_charset(b"<meta charset=UTF-8>"), Some(UTF_8));
        assert_eq!(
            meta_charset(b"<meta name=x><meta charset=bukan-label>"),
            None
        );
        assert_eq!(meta_charset(b"<p>charset=utf-8</p>"), None);
    }

    #[test]
    fn utf8_atau_1252() {
        let satu = |b: &[u8]| pilih_penyandian(b, false, || utf8_sah(b)).unwrap();
        assert_eq!(satu("Caf\u{e9}".as_bytes()), UTF_8);
        assert_eq!(satu(b"Caf\xE9"), WINDOWS_1252);
        assert_eq!(satu(b"\xEF\xBB\xBFCaf\xE9"), UTF_8);
        assert_eq!(satu(b"\xFF\xFEa\x00"), encoding_rs::UTF_16LE);
        // A character cut by the reader's piece is still valid.
        let panjang = [vec![b'a'; 64 * 1024 - 1], "é".as_bytes().to_vec()].concat();
        assert!(utf8_sah(panjang.as_slice()).unwrap());
        assert!(!utf8_sah(&b"abc\xC3"[..]).unwrap());
        let html = b"<meta charset=windows-1252>\xC3\xA9";
        assert_eq!(
            pilih_penyandian(html, true, || utf8_sah(&html[..])).unwrap(),
            WINDOWS_1252
        );
    }

    #[test]
    fn penguraian_mengalir() {
        assert_eq!(urai(b"Caf\xE9 \x80", WINDOWS_1252), "Café €");
        assert_eq!(urai(b"\xEF\xBB\xBFa\xC3", UTF_8), "a\u{fffd}");
        let besar = vec![0xE9u8; 100_000];
        assert_eq!(urai(&besar, WINDOWS_1252), "é".repeat(100_000));
    }
}
