//! CSV read as a one-sheet workbook (the sheet is named after the file's stem), such as
//! SIPD's anggaran kas per OPD (docs/dpa-tata-letak.md, layout 7).
//!
//! The delimiter is comma or semicolon, told from the first lines ([`tebak_pemisah`]: the one
//! that splits every line into the same number of fields, quotes respected; Excel on an
//! Indonesian Windows writes `;`, since `,` is its decimal mark). The encoding is UTF-8, with
//! or without BOM, UTF-16 with its BOM, or Windows-1252 when the file is not valid UTF-8
//! ([`teks`]); lines end in CRLF or LF; a quoted field may hold the delimiter,
//! `""` and line breaks. Each record is a row and each field a text cell, as in Excel (a blank
//! line is an empty row, so that row numbers in messages are the ones Excel shows). Text
//! stays text: `3.500` is for the recognisers to read, as three thousand five hundred.
//!
//! Parsing is the `csv` crate's (by ripgrep's author; RFC 4180 and the variations Excel
//! writes), streamed: one record is held at a time. A record longer than [`BARIS_MAKS`] (an
//! unclosed quote swallowing the rest of the file) stops the reading with a message naming
//! the row, fields past [`KOLOM_MAKS`] are ignored, and at most [`SEL_MAKS`] cells are read.
//! Bad bytes never panic: every byte is a character in Windows-1252, and a malformed one in
//! UTF-8 or UTF-16 becomes U+FFFD.

use super::teks::{self, Urai};
use super::{GalatBaca, Grid, Isi, KOLOM_MAKS, Perakit, SEL_MAKS};
use encoding_rs::Encoding;
use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// The most bytes one record may take (a budget row has a few hundred).
pub const BARIS_MAKS: u64 = 16 << 20;
/// Lines looked at to tell the delimiter.
const BARIS_TEBAK: usize = 20;

/// How a CSV file is read: its encoding and delimiter, chosen once when it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Siap {
    pub penyandian: &'static Encoding,
    pub pemisah: u8,
}

/// Chooses the encoding and the delimiter from a file's first bytes (`awal`); `utf8_sah`
/// says whether the whole file is valid UTF-8.
pub fn siapkan(awal: &[u8], utf8_sah: impl FnOnce() -> io::Result<bool>) -> io::Result<Siap> {
    Ok(Siap {
        penyandian: teks::pilih_penyandian(awal, false, utf8_sah)?,
        pemisah: tebak_pemisah(awal),
    })
}

/// The delimiter of CSV text from its first lines: `;` or `,`, whichever splits the most of
/// the first `BARIS_TEBAK` lines into as many fields as the first line (counted outside
/// quotes; a line cut at the end of `awal` is not counted unless it is the only one), the
/// one splitting the first line more when that is even; `,` when neither splits anything.
/// Both delimiters and `"` are ASCII, so the raw bytes of any ASCII-based encoding serve.
pub fn tebak_pemisah(awal: &[u8]) -> u8 {
    let mut baris: Vec<(usize, usize)> = Vec::new();
    let (mut titik_koma, mut koma, mut kutip, mut isi) = (0usize, 0usize, false, false);
    for &b in awal {
        match b {
            b'"' => kutip = !kutip,
            b';' if !kutip => titik_koma += 1,
            b',' if !kutip => koma += 1,
            b'\n' | b'\r' if !kutip => {
                if isi || titik_koma + koma > 0 {
                    baris.push((titik_koma, koma));
                    if baris.len() == BARIS_TEBAK {
                        break;
                    }
                }
                (titik_koma, koma, isi) = (0, 0, false);
                continue;
            }
            _ => {}
        }
        isi = true;
    }
    if baris.is_empty() && (isi || titik_koma + koma > 0) {
        baris.push((titik_koma, koma));
    }
    let Some(&(tk0, k0)) = baris.first() else {
        return b',';
    };
    let sama = |f: fn(&(usize, usize)) -> usize, n0: usize| {
        if n0 == 0 {
            0
        } else {
            baris.iter().filter(|b| f(b) == n0).count()
        }
    };
    let nilai_tk = (sama(|b| b.0, tk0), tk0);
    let nilai_k = (sama(|b| b.1, k0), k0);
    if nilai_tk > nilai_k { b';' } else { b',' }
}

/// A reader that fails once it has given more than `ujung` bytes: the bound on one record,
/// moved on after each record is read.
struct Terbatas<R> {
    dalam: R,
    diberikan: u64,
    ujung: Rc<Cell<u64>>,
    lewat: Rc<Cell<bool>>,
}

impl<R: Read> Read for Terbatas<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.dalam.read(buf)?;
        self.diberikan += n as u64;
        if self.diberikan > self.ujung.get() {
            self.lewat.set(true);
            return Err(io::Error::other("baris CSV terlalu panjang"));
        }
        Ok(n)
    }
}

/// Where a byte stands in CSV text, as the `csv` crate's parser sees it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Letak {
    /// At the start of a line, outside quotes.
    AwalBaris,
    /// At the start of a field.
    AwalMedan,
    /// Inside an unquoted field (a `"` there is a character).
    Medan,
    /// Inside a quoted field.
    Kutip,
    /// Just after a `"` inside a quoted field: `""` or the field's end.
    KutipTutup,
}

/// Turns each blank line into a record of two empty fields (the delimiter alone), so that
/// record N is Excel's row N: the `csv` crate skips blank lines, and Excel shows each as an
/// empty row. Quotes are followed as the parser follows them (a `"` opens a quoted field
/// only at the field's start; `""` inside is one quote), so a line break inside quotes is
/// never touched.
struct BarisKosong<R> {
    dalam: R,
    pemisah: u8,
    letak: Letak,
    /// The last byte was a `\r` ending a line: a `\n` after it ends the same line.
    cr: bool,
    masuk: Box<[u8]>,
    keluar: Vec<u8>,
    keluar_awal: usize,
}

impl<R: Read> BarisKosong<R> {
    fn new(dalam: R, pemisah: u8) -> Self {
        BarisKosong {
            dalam,
            pemisah,
            letak: Letak::AwalBaris,
            cr: false,
            masuk: vec![0u8; 32 * 1024].into_boxed_slice(),
            keluar: Vec::with_capacity(64 * 1024),
            keluar_awal: 0,
        }
    }

    fn satu(&mut self, b: u8) {
        let akhir_baris = b == b'\r' || b == b'\n';
        let cr = std::mem::replace(&mut self.cr, false);
        match self.letak {
            Letak::Kutip => {
                if b == b'"' {
                    self.letak = Letak::KutipTutup;
                }
            }
            Letak::KutipTutup if b == b'"' => self.letak = Letak::Kutip,
            _ if b == b'\n' && cr => {}
            Letak::AwalBaris if akhir_baris => {
                self.keluar.push(self.pemisah);
                self.cr = b == b'\r';
            }
            _ if akhir_baris => {
                self.letak = Letak::AwalBaris;
                self.cr = b == b'\r';
            }
            _ if b == self.pemisah => self.letak = Letak::AwalMedan,
            Letak::AwalBaris | Letak::AwalMedan if b == b'"' => self.letak = Letak::Kutip,
            _ => self.letak = Letak::Medan,
        }
        self.keluar.push(b);
    }
}

impl<R: Read> Read for BarisKosong<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.keluar_awal == self.keluar.len() {
            let n = self.dalam.read(&mut self.masuk)?;
            if n == 0 {
                return Ok(0);
            }
            self.keluar.clear();
            self.keluar_awal = 0;
            for i in 0..n {
                self.satu(self.masuk[i]);
            }
        }
        let n = buf.len().min(self.keluar.len() - self.keluar_awal);
        buf[..n].copy_from_slice(&self.keluar[self.keluar_awal..self.keluar_awal + n]);
        self.keluar_awal += n;
        Ok(n)
    }
}

/// Streams a CSV file's non-empty fields, in order, to `kirim` as text cells (untidied),
/// counted against [`SEL_MAKS`]; stops when `kirim` returns false.
pub fn alirkan(
    isi: impl Read,
    siap: Siap,
    berkas: &str,
    lembar: &str,
    kirim: &mut dyn FnMut(u32, u32, Isi) -> bool,
) -> Result<(), GalatBaca> {
    alirkan_dengan(isi, siap, berkas, lembar, kirim, SEL_MAKS)
}

/// [`alirkan`] with its cell bound given (the tests' is small).
fn alirkan_dengan(
    isi: impl Read,
    siap: Siap,
    berkas: &str,
    lembar: &str,
    kirim: &mut dyn FnMut(u32, u32, Isi) -> bool,
    sel_maks: usize,
) -> Result<(), GalatBaca> {
    let ujung = Rc::new(Cell::new(BARIS_MAKS));
    let lewat = Rc::new(Cell::new(false));
    let masuk = Terbatas {
        dalam: BarisKosong::new(Urai::new(isi, siap.penyandian), siap.pemisah),
        diberikan: 0,
        ujung: Rc::clone(&ujung),
        lewat: Rc::clone(&lewat),
    };
    let mut pembaca = ::csv::ReaderBuilder::new()
        .delimiter(siap.pemisah)
        .has_headers(false)
        .flexible(true)
        .from_reader(masuk);
    let mut rekam = ::csv::ByteRecord::new();
    let mut jumlah_sel = 0usize;
    // The Excel row of the next record.
    let mut r = 0u64;
    loop {
        let ada = pembaca.read_byte_record(&mut rekam).map_err(|e| {
            let rincian = if lewat.get() {
                format!(
                    "baris {} lebih dari {} MB; mungkin tanda petik yang tidak ditutup",
                    r + 1,
                    BARIS_MAKS >> 20
                )
            } else {
                match e.kind() {
                    ::csv::ErrorKind::Io(io) => io.to_string(),
                    _ => format!("baris {} tidak dapat diurai", r + 1),
                }
            };
            GalatBaca::LembarRusak {
                berkas: berkas.to_string(),
                lembar: lembar.to_string(),
                rincian,
            }
        })?;
        if !ada {
            return Ok(());
        }
        ujung.set(pembaca.position().byte().saturating_add(BARIS_MAKS));
        let Ok(baris) = u32::try_from(r) else {
            return Err(GalatBaca::TerlaluBesar {
                berkas: berkas.to_string(),
                lembar: lembar.to_string(),
            });
        };
        for (c, medan) in rekam.iter().enumerate().take(KOLOM_MAKS as usize) {
            if medan.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            jumlah_sel += 1;
            if jumlah_sel > sel_maks {
                return Err(GalatBaca::TerlaluBesar {
                    berkas: berkas.to_string(),
                    lembar: lembar.to_string(),
                });
            }
            let teks = String::from_utf8_lossy(medan).into_owned();
            if !kirim(baris, c as u32, Isi::Teks(teks)) {
                return Ok(());
            }
        }
        r += 1;
    }
}

/// A CSV file's bytes as the recognisers see them. For tests and fuzzing; `lkjip` streams
/// the file through [`alirkan`].
pub fn baca_bita(bita: &[u8], berkas: &str, lembar: &str) -> Result<Grid, GalatBaca> {
    let awal = &bita[..bita.len().min(teks::AWAL_TEKS)];
    let siap = siapkan(awal, || teks::utf8_sah(bita)).map_err(|e| GalatBaca::TidakBisaDibuka {
        berkas: berkas.to_string(),
        sebab: e,
    })?;
    let mut rakit = Perakit::default();
    let mut baris = Vec::new();
    alirkan(bita, siap, berkas, lembar, &mut |r, c, isi| {
        baris.extend(rakit.masuk(r, c, isi));
        true
    })?;
    baris.extend(rakit.akhir());
    Ok(Grid {
        berkas: berkas.to_string(),
        lembar: lembar.to_string(),
        baris,
        gabungan: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{self, Grid};
    use std::path::Path;

    fn teks(g: &Grid, r: u32, c: u32) -> Option<&str> {
        g.sel(r, c).teks()
    }

    fn satu(bita: &[u8]) -> Grid {
        baca_bita(bita, "uji.csv", "uji").unwrap()
    }

    /// The anggaran kas sample (semicolons, CRLF), read through `sheet::buka` as any
    /// workbook; the values are the file's own, read by eye.
    #[test]
    fn anggaran_kas_sampel_terbaca_sebagai_satu_lembar() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "samples/bontang-barat-2022/dpa/ANGGARAN-KAS_7.01.0.00.0.00.30.0003_KELURAHAN_BELIMBING.csv",
        );
        let mut buku = sheet::buka(&path).unwrap();
        let nama = "ANGGARAN-KAS_7.01.0.00.0.00.30.0003_KELURAHAN_BELIMBING";
        assert_eq!(buku.lembar, vec![nama.to_string()]);
        let g = buku.baca(nama).unwrap();
        assert_eq!(g.baris.len(), 30);
        assert_eq!(g.lebar(), 19);
        assert_eq!(teks(&g, 0, 0), Some("kode_sub_skpd"));
        assert_eq!(teks(&g, 0, 6), Some("total_rincian"));
        assert_eq!(teks(&g, 0, 18), Some("bulan_12"));
        assert_eq!(teks(&g, 1, 0), Some("7.01.0.00.0.00.30.0003"));
        assert_eq!(teks(&g, 1, 1), Some("KELURAHAN BELIMBING"));
        assert_eq!(teks(&g, 1, 2), Some("7.01.02.2.02.03"));
        assert_eq!(teks(&g, 1, 4), Some("5.1.02.01.01.0004"));
        assert_eq!(
            teks(&g, 1, 5),
            Some("Belanja Bahan-Bahan Bakar dan Pelumas")
        );
        // Numbers stay text, for the recognisers to read.
        assert_eq!(g.sel(1, 6), &Isi::Teks("58752000".into()));
        assert_eq!(teks(&g, 1, 7), Some("4896000"));
        // The last line, and a name with commas inside a semicolon file.
        assert_eq!(
            teks(&g, 29, 3),
            Some(
                "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan instansi vertikal di wilayah kecamatan"
            )
        );
        assert_eq!(teks(&g, 29, 5), Some("Belanja Perjalanan Dinas Dalam Kota"));
        assert_eq!(teks(&g, 29, 6), Some("41400000"));
        assert_eq!(teks(&g, 29, 10), Some("5175000"), "bulan_4");
        assert_eq!(teks(&g, 29, 11), Some("7762500"), "bulan_5");
        assert_eq!(teks(&g, 29, 18), Some("0"), "bulan_12");
    }

    #[test]
    fn pemisah_ditebak_dengan_menghormati_tanda_petik() {
        assert_eq!(tebak_pemisah(b"kode;nama;pagu\r\n1;a, b;3\r\n"), b';');
        assert_eq!(
            tebak_pemisah(b"kode,nama,pagu\n1,\"a; b; c\",\"1.234,56\"\n"),
            b','
        );
        // Indonesian numbers in a semicolon file: the comma count varies, the semicolon's
        // does not.
        assert_eq!(
            tebak_pemisah(b"Kode;Uraian;Pagu\n1;Belanja;1.234,56\n2;Modal;7,5\n"),
            b';'
        );
        assert_eq!(tebak_pemisah(b"\xEF\xBB\xBFa;b"), b';');
        assert_eq!(tebak_pemisah(b"satu kolom\nsaja\n"), b',');
        assert_eq!(tebak_pemisah(b""), b',');
        // A line break inside quotes does not end the line.
        assert_eq!(tebak_pemisah(b"a;\"b\nc,d,e\";f\n1;2;3\n"), b';');
    }

    #[test]
    fn petik_titik_koma_dan_baris_dalam_petik() {
        let g = satu(b"Kode;Uraian;Pagu\r\n7.01;\"Belanja; \"\"Rutin\"\"\";3.500\r\n7.02;\"dua\r\nbaris\";-\r\n");
        assert_eq!(teks(&g, 1, 1), Some("Belanja; \"Rutin\""));
        assert_eq!(g.sel(1, 2), &Isi::Teks("3.500".into()));
        // A quoted line break is one cell, folded like every reader's text; the record is
        // one row, as in Excel.
        assert_eq!(teks(&g, 2, 1), Some("dua baris"));
        assert_eq!(teks(&g, 2, 2), Some("-"));
        assert_eq!(g.baris.len(), 3);
    }

    #[test]
    fn windows_1252_dan_bom() {
        let g = satu(b"Uraian;Nilai\nCaf\xE9 \x93Bontang\x94;1\n");
        assert_eq!(teks(&g, 1, 0), Some("Café “Bontang”"));
        let g = satu("\u{feff}Uraian,Nilai\nCafé,1\n".as_bytes());
        assert_eq!(teks(&g, 0, 0), Some("Uraian"));
        assert_eq!(teks(&g, 1, 0), Some("Café"));
        // UTF-16 with its BOM, as Excel's "Unicode" exports write it.
        let utf16: Vec<u8> = "\u{feff}Uraian;Nilai\r\nCafé;3.500\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let g = satu(&utf16);
        assert_eq!(teks(&g, 1, 0), Some("Café"));
        assert_eq!(teks(&g, 1, 1), Some("3.500"));
    }

    #[test]
    fn baris_kosong_menjadi_baris_kosong_seperti_di_excel() {
        let g = satu(b"a;b\n\n\nc;d\r\n\r\ne;f");
        let r: Vec<u32> = g.baris.iter().map(|b| b.r).collect();
        assert_eq!(r, vec![0, 3, 5]);
        assert_eq!(teks(&g, 5, 1), Some("f"));
        // A blank line inside quotes is part of the field, and a `"` inside an unquoted
        // field is a character, as the parser reads them.
        let g = satu(b"\n\"x\n\n\"\"y\";5\" monitor;z\n\nq;r\n");
        assert_eq!(teks(&g, 1, 0), Some("x \"y"));
        assert_eq!(teks(&g, 1, 1), Some("5\" monitor"));
        assert_eq!(teks(&g, 1, 2), Some("z"));
        assert_eq!(teks(&g, 3, 0), Some("q"));
    }

    #[test]
    fn sel_terlalu_banyak_dihentikan_dengan_nama_berkas() {
        let siap = Siap {
            penyandian: encoding_rs::UTF_8,
            pemisah: b';',
        };
        let mut n = 0;
        let e = alirkan_dengan(
            &b"a;b;c\nd;e;f\n"[..],
            siap,
            "besar.csv",
            "besar",
            &mut |_, _, _| {
                n += 1;
                true
            },
            5,
        )
        .unwrap_err();
        assert_eq!(n, 5);
        assert!(
            e.to_string()
                .starts_with("besar.csv › besar: lembar memuat lebih dari"),
            "{e}"
        );
    }

    #[test]
    fn kolom_jauh_diabaikan_dan_baris_tak_berujung_dihentikan() {
        let lebar = format!("{}x\n", ";".repeat(300));
        let g = satu(lebar.as_bytes());
        assert!(g.baris.is_empty());
        // An unclosed quote swallows the rest of the file: stopped past BARIS_MAKS.
        let mut bita = b"a;b\n1;\"".to_vec();
        bita.resize(bita.len() + (BARIS_MAKS as usize) + 100_000, b'x');
        let e = baca_bita(&bita, "petik.csv", "petik").unwrap_err();
        let pesan = e.to_string();
        assert!(pesan.starts_with("petik.csv › petik: "), "{pesan}");
        assert!(pesan.contains("baris 2 lebih dari 16 MB"), "{pesan}");
    }

    #[test]
    fn bita_sembarang_tidak_panik() {
        for bita in [
            &b"\xFF\xFE\x00a\x00;"[..],
            b"\"",
            b"\r\r\r;;;\"\"\"",
            b"\xEF\xBB",
            b"\x00\x00\x00",
        ] {
            let _ = baca_bita(bita, "x.csv", "x");
        }
    }
}
