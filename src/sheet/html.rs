//! HTML tables read as a workbook: the `.xls` files SIPD helper tools save (an HTML `div`
//! holding several `<table>`, docs/dpa-tata-letak.md layout 6), and `.htm`/`.html` pages.
//!
//! The page's tables become **one sheet, stacked top to bottom as Excel shows them** when it
//! opens such a file (its cells from A1, each table under the previous one, one empty row
//! between; see [`susun`]): the DPA's key/value block, indikator table, rincian and Rencana
//! Penarikan are one form in one sheet for the user, and a finding's cell address is the
//! cell the user finds in Excel. The sheet is named after the page's `<title>`, or else, as
//! Excel names it, after the file (its name without the extension, 31 characters). A table
//! inside a cell (a layout table, the DPA's signature block) is a sheet of its own named
//! `Tabel N`, N its place among the file's tables by where it opens, and its text is not part
//! of the cell; a sheet without text is left out. Cells are the text of `<td>`/`<th>`,
//! character references decoded, `<br>` and block boundaries (`<p>`, `<div>`, `<li>` …) as line
//! breaks, then folded like every reader's text ([`rapikan`](super::rapikan)). `colspan` and
//! `rowspan` place the cells as a browser does (a cell goes to the first column not taken by
//! a `rowspan` from above; a `rowspan` ends with its row group, `rowspan=0` reaches that
//! end), and each becomes a merged region ([`Gabungan`]) that the header recogniser reads.
//! Text stays text: Indonesian `3.500` is three thousand five hundred, and the recognisers
//! read it so (LibreOffice turns it into 3,5; the SIPD tools mark every cell
//! `mso-number-format:\@`, text, for Excel). The encoding is chosen in [`teks`].
//!
//! **Why html5gum.** The tokenizer is [html5gum](https://crates.io/crates/html5gum) 0.9: a
//! WHATWG-compliant tokenizer (its README: it passes html5lib's tokenizer tests), no
//! dependencies, no `unsafe`; its table of named character references is generated from the
//! spec's `entities.json` (all 2,231, and the legacy ones without `;` as a browser reads
//! them), which a hand parser would only approximate. It is driven through its `Emitter`
//! trait by `Pembangun`, which keeps only what a table needs: a tag name of up to 16 bytes,
//! `colspan`/`rowspan` parsed as their digits arrive, the text of the open cell (at most
//! [`TEKS_SEL_MAKS`] characters) and of the title; every other attribute value, comment,
//! doctype and text outside cells is dropped as it streams past, so memory is the cells kept,
//! whatever the file holds (an image as a 50 MB `data:` attribute costs nothing). Compared
//! on 2026-12-02 from their sources and `cargo tree`: `scraper` 0.29 (html5ever's full tree
//! builder and CSS selectors, 40 crates, the whole DOM in memory with every attribute and
//! text node, unbounded) and `tl` 0.7.8 (a fast zero-copy DOM, but `unsafe` in its core, not
//! spec-compliant, no character-reference decoding at all, last release 2023). Speed is not
//! the question: `periksa` reads and checks an 11 MB HTML table of 84,200 budget rows in
//! 0.86 s (release build, this 2-core machine; the same rows as a 4.6 MB CSV: 0.60 s).
//! Tag-dense input is the slow case: 280 MB of bare `<td colspan=2>` takes 7.9 s, near the
//! default deadline, which answers anything larger.
//!
//! Table building is the small part of the HTML tree-construction rules a table needs
//! (`<td>` without `<tr>` opens a row, `<table>` directly inside a table closes it, a row
//! group ends the `rowspan`s in it, `<script>`/`<style>` content is not text); a full tree
//! builder would add foster parenting, which only moves stray text out of tables, and that
//! text is dropped here anyway.
//!
//! Bounds (DESIGN.md, "Robustness at the edge"): at most [`SEL_MAKS`] cells and merged
//! regions in the whole file ([`GalatBaca::TerlaluBesar`]), [`TABEL_MAKS`] tables and
//! [`KEDALAMAN_MAKS`] tables inside each other and [`BARIS_MAKS`] stacked rows
//! ([`GalatBaca::Rusak`]), columns past
//! [`KOLOM_MAKS`] ignored, cell text cut at Excel's 32,767 characters; the file's size is
//! bounded before it is read (`periksa_awal` in `mod.rs`). No byte sequence panics: html5gum
//! recovers from any input, and the builder only indexes what it has checked.

use super::teks::{self, Urai};
use super::{Gabungan, GalatBaca, Grid, Isi, KOLOM_MAKS, Perakit, SEL_MAKS, TEKS_SEL_MAKS};
use encoding_rs::Encoding;
use html5gum::{Emitter, Error, State, Tokenizer};
use std::io::Read;

/// Tables one file may hold (a SIPD print has under 20).
pub const TABEL_MAKS: usize = 10_000;
/// Tables inside tables, counting the outermost (a layout page nests three or four).
pub const KEDALAMAN_MAKS: usize = 64;
/// Characters of a `<title>` used as a sheet name.
const JUDUL_MAKS: usize = 100;
/// Characters of a sheet name Excel takes from a file's name.
const NAMA_LEMBAR_MAKS: usize = 31;
/// Rows of the stacked sheet: Excel's rows in a sheet.
pub const BARIS_MAKS: u32 = 1_048_576;
/// Bytes of a cell's text kept: [`TEKS_SEL_MAKS`] characters of up to four bytes.
const TEKS_BITA_MAKS: usize = TEKS_SEL_MAKS * 4;
/// The longest tag or attribute name kept; a longer one is no name we know.
const NAMA_MAKS: usize = 16;
/// The spec's bounds on `colspan` and `rowspan`.
const COLSPAN_MAKS: u32 = 1000;
const ROWSPAN_MAKS: u32 = 65_534;

/// One table as a sheet: its name, merged regions, and its non-empty cells in sheet order
/// (rows in order, columns rising within a row), text tidied. The cells' texts are kept one
/// after another in one string (12 bytes a cell beside its text, not 32 and an allocation:
/// a file of short cells would otherwise take five times its size).
#[derive(Debug, Clone, PartialEq)]
pub struct Lembar {
    pub nama: String,
    pub gabungan: Vec<Gabungan>,
    teks: String,
    /// Row, column and the length in bytes of the cell's text in `teks`.
    sel: Vec<(u32, u32, u32)>,
}

impl Lembar {
    /// The cells in sheet order: row, column, text.
    pub fn sel(&self) -> impl Iterator<Item = (u32, u32, &str)> {
        let mut awal = 0usize;
        self.sel.iter().map(move |&(r, c, n)| {
            let ujung = awal + n as usize;
            let t = self.teks.get(awal..ujung).unwrap_or_default();
            awal = ujung;
            (r, c, t)
        })
    }
}

/// Reads an HTML file's tables: `awal` is its first bytes (for the encoding), `isi` all of it
/// from the start, `utf8_sah` says whether all of it is valid UTF-8 (asked only when neither
/// a BOM nor a `<meta charset>` says).
pub fn baca(
    awal: &[u8],
    isi: impl Read,
    utf8_sah: impl FnOnce() -> std::io::Result<bool>,
    berkas: &str,
) -> Result<Vec<Lembar>, GalatBaca> {
    let io = |e: std::io::Error| GalatBaca::TidakBisaDibuka {
        berkas: berkas.to_string(),
        sebab: e,
    };
    let penyandian = teks::pilih_penyandian(awal, true, utf8_sah).map_err(io)?;
    baca_dengan(isi, penyandian, berkas)
}

/// Reads an HTML stream in a known encoding.
pub fn baca_dengan(
    isi: impl Read,
    penyandian: &'static Encoding,
    berkas: &str,
) -> Result<Vec<Lembar>, GalatBaca> {
    baca_terbatas(isi, penyandian, berkas, SEL_MAKS)
}

/// [`baca_dengan`] with its bound on cells and merged regions given (the tests' is small).
fn baca_terbatas(
    isi: impl Read,
    penyandian: &'static Encoding,
    berkas: &str,
    sel_maks: usize,
) -> Result<Vec<Lembar>, GalatBaca> {
    let mut pembangun = Pembangun::new(berkas);
    pembangun.sel_maks = sel_maks;
    let mut tokenizer = Tokenizer::new_with_emitter(
        html5gum::IoReader::new(Urai::new(isi, penyandian)),
        pembangun,
    );
    match tokenizer.next() {
        Some(Ok(hasil)) => hasil,
        Some(Err(e)) => Err(GalatBaca::TidakBisaDibuka {
            berkas: berkas.to_string(),
            sebab: e,
        }),
        // The builder always says how reading ended before the tokenizer stops.
        None => Err(GalatBaca::PembacaBerhenti {
            berkas: berkas.to_string(),
            tahap: "akhir tabel HTML".into(),
        }),
    }
}

/// An HTML file's bytes as the recognisers see them: one [`Grid`] per sheet. For tests and
/// fuzzing; `lkjip` reads through [`baca`].
pub fn baca_bita(bita: &[u8], berkas: &str) -> Result<Vec<Grid>, GalatBaca> {
    let awal = &bita[..bita.len().min(teks::AWAL_TEKS)];
    let lembar = baca(awal, bita, || teks::utf8_sah(bita), berkas)?;
    Ok(lembar
        .into_iter()
        .map(|l| {
            let mut rakit = Perakit::default();
            let mut baris: Vec<_> = l
                .sel()
                .filter_map(|(r, c, t)| rakit.masuk(r, c, Isi::Teks(t.to_string())))
                .collect();
            baris.extend(rakit.akhir());
            Grid {
                berkas: berkas.to_string(),
                lembar: l.nama,
                baris,
                gabungan: l.gabungan,
            }
        })
        .collect())
}

/// A short ASCII name (tag or attribute), lowercased; a longer one is marked, never equal to
/// a name we know.
#[derive(Default, Clone, Copy)]
struct Nama {
    bita: [u8; NAMA_MAKS],
    panjang: usize,
    luap: bool,
}

impl Nama {
    fn kosongkan(&mut self) {
        self.panjang = 0;
        self.luap = false;
    }

    fn tambah(&mut self, s: &[u8]) {
        for &b in s {
            if self.panjang < NAMA_MAKS {
                self.bita[self.panjang] = b.to_ascii_lowercase();
                self.panjang += 1;
            } else {
                self.luap = true;
            }
        }
    }

    fn isi(&self) -> &[u8] {
        if self.luap {
            b""
        } else {
            &self.bita[..self.panjang]
        }
    }
}

/// A non-negative integer attribute parsed as its bytes arrive (the HTML "rules for parsing
/// non-negative integers": leading white space, an optional `+`, digits, anything after
/// them ignored), saturating.
#[derive(Default, Clone, Copy)]
struct Angka {
    tahap: u8,
    nilai: u64,
    ada: bool,
}

impl Angka {
    fn tambah(&mut self, s: &[u8]) {
        for &b in s {
            match (self.tahap, b) {
                (0, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r') => {}
                (0, b'+') => self.tahap = 1,
                (0 | 1, b'0'..=b'9') => {
                    self.tahap = 1;
                    self.ada = true;
                    self.nilai = self
                        .nilai
                        .saturating_mul(10)
                        .saturating_add(u64::from(b - b'0'));
                }
                _ => self.tahap = 2,
            }
        }
    }

    fn nilai(&self) -> Option<u64> {
        self.ada.then_some(self.nilai)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum JenisTag {
    Buka,
    Tutup,
}

/// Which attribute is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Atribut {
    Lain,
    Colspan,
    Rowspan,
}

struct SelTerbuka {
    r: u32,
    c: u32,
    teks: Vec<u8>,
    /// Its merged region's index in the table's `gabungan`, when it spans.
    gabungan: Option<usize>,
    /// The tables closed inside it, as indices in `Pembangun::selesai`.
    anak: Vec<usize>,
}

/// Where a table inside a cell goes: the cell of its parent table (by the parent's
/// `urutan`), and the cell's merged region.
#[derive(Clone, Copy)]
struct Tempel {
    induk: usize,
    r: u32,
    c: u32,
    gabungan: Option<usize>,
}

struct Tabel {
    /// Its place among the file's tables, from 0.
    urutan: usize,
    /// Opened inside a cell of another table.
    bersarang: bool,
    /// That cell, while the table may be laid into it (the cell has no text of its own).
    tempel: Option<Tempel>,
    /// The row being filled.
    baris: Option<u32>,
    /// The index the next row gets.
    baris_berikut: u32,
    /// The next column of the current row.
    kolom: u32,
    /// Per column, the row (exclusive) until which a `rowspan` from above holds it; `kotor`
    /// when the current row group set any (so that ending a group costs nothing otherwise).
    terisi: Vec<u32>,
    kotor: bool,
    sel: Option<SelTerbuka>,
    /// The cells kept, as [`Lembar`] keeps them.
    teks: String,
    isi: Vec<(u32, u32, u32)>,
    gabungan: Vec<Gabungan>,
    /// The merged regions of the current row group start here in `gabungan`.
    gabungan_kelompok: usize,
}

impl Tabel {
    fn new(urutan: usize, bersarang: bool) -> Self {
        Tabel {
            urutan,
            bersarang,
            tempel: None,
            baris: None,
            baris_berikut: 0,
            kolom: 0,
            terisi: vec![0; KOLOM_MAKS as usize],
            kotor: false,
            sel: None,
            teks: String::new(),
            isi: Vec::new(),
            gabungan: Vec::new(),
            gabungan_kelompok: 0,
        }
    }

    /// The last row the table has reached.
    fn baris_akhir(&self) -> u32 {
        self.baris_berikut.saturating_sub(1)
    }

    /// Ends the current row group: its `rowspan`s stop at its last row.
    fn akhiri_kelompok(&mut self) {
        let akhir = self.baris_akhir();
        for g in &mut self.gabungan[self.gabungan_kelompok..] {
            g.r1 = g.r1.min(akhir).max(g.r0);
        }
        self.gabungan_kelompok = self.gabungan.len();
        if std::mem::take(&mut self.kotor) {
            self.terisi.iter_mut().for_each(|t| *t = 0);
        }
    }

    fn tutup_baris(&mut self) {
        self.baris = None;
    }
}

/// A sheet's number as its name.
fn nama_tabel(urutan: usize) -> String {
    format!("Tabel {}", urutan + 1)
}

/// Builds the tables from html5gum's events. Its one token is how reading ended: the sheets
/// at the end of the document, or the first bound crossed (the tokenizer then stops).
struct Pembangun {
    berkas: String,
    jenis: Option<JenisTag>,
    tag: Nama,
    tag_terakhir: Nama,
    atribut: Atribut,
    atribut_nama: Nama,
    atribut_nilai: Angka,
    colspan: Option<Option<u64>>,
    rowspan: Option<Option<u64>>,
    /// Open tables, innermost last.
    tabel: Vec<Tabel>,
    selesai: Vec<Tabel>,
    jumlah_tabel: usize,
    /// Cells and merged regions kept, over the whole file, and how many may be.
    jumlah: usize,
    sel_maks: usize,
    /// Inside `<script>`, `<style>` …: the text is not shown.
    abaikan: Option<Nama>,
    dalam_judul: bool,
    judul: Option<Vec<u8>>,
    hasil: Option<Result<Vec<Lembar>, GalatBaca>>,
    berhenti: bool,
}

/// What is returned to [`baca_dengan`] through the tokenizer.
type Token = Result<Vec<Lembar>, GalatBaca>;

impl Pembangun {
    fn new(berkas: &str) -> Self {
        Pembangun {
            berkas: berkas.to_string(),
            jenis: None,
            tag: Nama::default(),
            tag_terakhir: Nama::default(),
            atribut: Atribut::Lain,
            atribut_nama: Nama::default(),
            atribut_nilai: Angka::default(),
            colspan: None,
            rowspan: None,
            tabel: Vec::new(),
            selesai: Vec::new(),
            jumlah_tabel: 0,
            jumlah: 0,
            sel_maks: SEL_MAKS,
            abaikan: None,
            dalam_judul: false,
            judul: None,
            hasil: None,
            berhenti: false,
        }
    }

    fn galat(&mut self, e: GalatBaca) {
        if !self.berhenti {
            self.berhenti = true;
            self.hasil = Some(Err(e));
        }
    }

    fn rusak(&mut self, rincian: String) {
        let berkas = self.berkas.clone();
        self.galat(GalatBaca::Rusak { berkas, rincian });
    }

    /// Counts one kept cell or merged region against [`SEL_MAKS`]; false when past it.
    fn hitung(&mut self, urutan: usize) -> bool {
        self.jumlah += 1;
        if self.jumlah > self.sel_maks {
            let e = GalatBaca::TerlaluBesar {
                berkas: self.berkas.clone(),
                lembar: nama_tabel(urutan),
            };
            self.galat(e);
            return false;
        }
        true
    }

    /// Text goes to the open cell of the innermost table, when there is one.
    fn teks(&mut self, s: &[u8]) {
        if self.abaikan.is_some() {
            return;
        }
        if self.dalam_judul {
            if let Some(j) = &mut self.judul {
                let muat = (JUDUL_MAKS * 4).saturating_sub(j.len());
                j.extend_from_slice(&s[..s.len().min(muat)]);
            }
            return;
        }
        if let Some(sel) = self.tabel.last_mut().and_then(|t| t.sel.as_mut()) {
            let muat = TEKS_BITA_MAKS.saturating_sub(sel.teks.len());
            sel.teks.extend_from_slice(&s[..s.len().min(muat)]);
        }
    }

    /// A line break in the open cell (`<br>`, a block's edge), so that words either side
    /// stay apart.
    fn patah(&mut self) {
        self.teks(b"\n");
    }

    fn tutup_sel(&mut self) {
        let Some(t) = self.tabel.last_mut() else {
            return;
        };
        let Some(sel) = t.sel.take() else {
            return;
        };
        let urutan = t.urutan;
        let mut teks = String::from_utf8_lossy(&sel.teks).into_owned();
        if teks.chars().count() > TEKS_SEL_MAKS {
            teks = teks.chars().take(TEKS_SEL_MAKS).collect();
        }
        let teks = super::rapikan_milik(teks);
        if !teks.is_empty() || sel.c >= KOLOM_MAKS {
            // A cell with text of its own keeps it where it is: the tables inside it are
            // sheets of their own.
            for &i in &sel.anak {
                if let Some(anak) = self.selesai.get_mut(i) {
                    anak.tempel = None;
                }
            }
        }
        if teks.is_empty() || sel.c >= KOLOM_MAKS {
            return;
        }
        if self.hitung(urutan)
            && let Some(t) = self.tabel.last_mut()
        {
            t.teks.push_str(&teks);
            t.isi.push((sel.r, sel.c, teks.len() as u32));
        }
    }

    fn mulai_baris(&mut self) {
        let Some(t) = self.tabel.last_mut() else {
            return;
        };
        let r = t.baris_berikut;
        t.baris_berikut = r.saturating_add(1);
        t.baris = Some(r);
        t.kolom = 0;
    }

    fn buka_sel(&mut self) {
        let colspan = match self.colspan.flatten() {
            None | Some(0) => 1,
            Some(n) => n.min(u64::from(COLSPAN_MAKS)) as u32,
        };
        let rowspan = match self.rowspan.flatten() {
            None => 1,
            // To the end of the row group: clipped there (`akhiri_kelompok`).
            Some(0) => ROWSPAN_MAKS,
            Some(n) => n.min(u64::from(ROWSPAN_MAKS)) as u32,
        };
        self.tutup_sel();
        if self.tabel.last().is_some_and(|t| t.baris.is_none()) {
            self.mulai_baris();
        }
        let Some(t) = self.tabel.last_mut() else {
            return;
        };
        let Some(r) = t.baris else {
            return;
        };
        let mut c = t.kolom;
        while (c as usize) < t.terisi.len() && t.terisi[c as usize] > r {
            c += 1;
        }
        let akhir = c.saturating_add(colspan);
        let sampai = r.saturating_add(rowspan);
        if rowspan > 1 {
            t.kotor = true;
        }
        for k in c..akhir.min(KOLOM_MAKS) {
            let k = k as usize;
            t.terisi[k] = t.terisi[k].max(sampai);
        }
        t.kolom = akhir;
        t.sel = Some(SelTerbuka {
            r,
            c,
            teks: Vec::new(),
            gabungan: None,
            anak: Vec::new(),
        });
        if (colspan > 1 || rowspan > 1) && c < KOLOM_MAKS {
            let urutan = t.urutan;
            if self.hitung(urutan)
                && let Some(t) = self.tabel.last_mut()
            {
                if let Some(sel) = &mut t.sel {
                    sel.gabungan = Some(t.gabungan.len());
                }
                t.gabungan.push(Gabungan {
                    r0: r,
                    c0: c,
                    r1: sampai - 1,
                    c1: (akhir - 1).min(KOLOM_MAKS - 1),
                });
            }
        }
    }

    fn akhiri_kelompok(&mut self) {
        self.tutup_sel();
        if let Some(t) = self.tabel.last_mut() {
            t.tutup_baris();
            t.akhiri_kelompok();
        }
    }

    fn buka_tabel(&mut self) {
        if self.tabel.len() >= KEDALAMAN_MAKS {
            self.rusak(format!(
                "lebih dari {KEDALAMAN_MAKS} tabel bersarang di dalam sel tabel lain"
            ));
            return;
        }
        if self.jumlah_tabel >= TABEL_MAKS {
            self.rusak(format!(
                "lebih dari {TABEL_MAKS} tabel HTML; halaman tabel anggaran memuat puluhan"
            ));
            return;
        }
        let bersarang = !self.tabel.is_empty();
        self.tabel.push(Tabel::new(self.jumlah_tabel, bersarang));
        self.jumlah_tabel += 1;
    }

    fn tutup_tabel(&mut self) {
        self.akhiri_kelompok();
        if let Some(mut t) = self.tabel.pop() {
            t.terisi = Vec::new();
            if let Some(induk) = self.tabel.last_mut()
                && let Some(sel) = &mut induk.sel
            {
                t.tempel = Some(Tempel {
                    induk: induk.urutan,
                    r: sel.r,
                    c: sel.c,
                    gabungan: sel.gabungan,
                });
                sel.anak.push(self.selesai.len());
            }
            self.selesai.push(t);
        }
    }

    fn tag_buka(&mut self) {
        let nama = self.tag;
        let n = nama.isi();
        if self.abaikan.is_some() {
            return;
        }
        match n {
            b"table" => {
                let dalam_sel = self.tabel.last().is_some_and(|t| t.sel.is_some());
                if dalam_sel {
                    self.patah();
                } else if !self.tabel.is_empty() {
                    // `<table>` directly in a table closes it (HTML "in table" mode).
                    self.tutup_tabel();
                }
                self.buka_tabel();
            }
            b"tr" if !self.tabel.is_empty() => {
                self.tutup_sel();
                if let Some(t) = self.tabel.last_mut() {
                    t.tutup_baris();
                }
                self.mulai_baris();
            }
            b"td" | b"th" if !self.tabel.is_empty() => self.buka_sel(),
            b"tbody" | b"thead" | b"tfoot" => self.akhiri_kelompok(),
            b"caption" | b"colgroup" | b"col" => {
                self.tutup_sel();
                if let Some(t) = self.tabel.last_mut() {
                    t.tutup_baris();
                }
            }
            b"br" => self.patah(),
            b"title" if self.judul.is_none() => {
                self.judul = Some(Vec::new());
                self.dalam_judul = true;
            }
            b"script" | b"style" | b"noscript" | b"noembed" | b"noframes" | b"iframe"
            | b"template" => self.abaikan = Some(nama),
            _ if blok(n) => self.patah(),
            _ => {}
        }
    }

    fn tag_tutup(&mut self) {
        let nama = self.tag;
        let n = nama.isi();
        if let Some(a) = &self.abaikan {
            if a.isi() == n && !n.is_empty() {
                self.abaikan = None;
            }
            return;
        }
        match n {
            b"table" if !self.tabel.is_empty() => self.tutup_tabel(),
            b"tr" => {
                self.tutup_sel();
                if let Some(t) = self.tabel.last_mut() {
                    t.tutup_baris();
                }
            }
            b"td" | b"th" => self.tutup_sel(),
            b"tbody" | b"thead" | b"tfoot" => self.akhiri_kelompok(),
            b"br" => self.patah(),
            b"title" => self.dalam_judul = false,
            _ if blok(n) => self.patah(),
            _ => {}
        }
    }

    /// The attribute read so far is complete: keep `colspan`/`rowspan` (the first of each).
    fn akhiri_atribut(&mut self) {
        let nilai = self.atribut_nilai.nilai();
        match self.atribut {
            Atribut::Colspan if self.colspan.is_none() => self.colspan = Some(nilai),
            Atribut::Rowspan if self.rowspan.is_none() => self.rowspan = Some(nilai),
            _ => {}
        }
        self.atribut = Atribut::Lain;
        self.atribut_nama.kosongkan();
        self.atribut_nilai = Angka::default();
    }

    /// The end of the document: open tables are closed, the page's tables stacked into one
    /// sheet as Excel shows them ([`susun`]), and the sheets named.
    fn akhir(&mut self) {
        if self.berhenti {
            return;
        }
        while !self.tabel.is_empty() {
            self.tutup_tabel();
        }
        let mut tabel = std::mem::take(&mut self.selesai);
        tabel.sort_by_key(|t| t.urutan);
        let judul = self
            .judul
            .take()
            .map(|j| super::rapikan(&String::from_utf8_lossy(&j)))
            .map(|j| j.chars().take(JUDUL_MAKS).collect::<String>())
            .filter(|j| !j.is_empty());
        let nama = judul.unwrap_or_else(|| nama_dari_berkas(&self.berkas));
        self.berhenti = true;
        self.hasil = Some(susun(tabel, nama).map_err(|rincian| GalatBaca::Rusak {
            berkas: self.berkas.clone(),
            rincian,
        }));
    }
}

/// The sheet name Excel gives a page it opens: the file's name without its extension, cut
/// at Excel's 31 characters; `Tabel 1` when there is none.
fn nama_dari_berkas(berkas: &str) -> String {
    let nama: String = std::path::Path::new(berkas)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(NAMA_LEMBAR_MAKS)
        .collect();
    let nama = super::rapikan_milik(nama);
    if nama.is_empty() { nama_tabel(0) } else { nama }
}

/// The page's tables, in the order they open, into sheets. The tables not inside another
/// table's cell are stacked into one sheet named `nama`, top to bottom, one empty row between
/// two tables, each table's rows kept (a table of empty rows still takes its rows, as on the
/// screen), merged regions moved down with their table: so a cell's address is the one the
/// user sees when Excel opens the file. A table inside a cell (the DPA's signature block in
/// the Rencana Penarikan's `rowspan=14`) is laid into that cell's rows and columns, as Excel
/// lays it, when it fits there and the cell has no text of its own ([`tempelkan`]); else it
/// is a sheet of its own, `Tabel N` (Excel would widen the cell's rows around it, which this
/// reader does not reproduce). A sheet without text is left out. `Err` when the stacked rows
/// pass [`BARIS_MAKS`].
fn susun(tabel: Vec<Tabel>, nama: String) -> Result<Vec<Lembar>, String> {
    let mut tabel = tabel;
    tempelkan(&mut tabel);
    let (atas, dalam): (Vec<Tabel>, Vec<Tabel>) = tabel.into_iter().partition(|t| !t.bersarang);
    let mut lembar = Vec::new();
    let mut tumpuk = Lembar {
        nama,
        gabungan: Vec::new(),
        teks: String::new(),
        sel: Vec::new(),
    };
    let mut awal: u32 = 0;
    for t in atas.into_iter().filter(|t| t.baris_berikut > 0) {
        let ujung = awal
            .checked_add(t.baris_berikut)
            .filter(|&u| u <= BARIS_MAKS)
            .ok_or_else(|| {
                format!(
                    "tabel-tabel halaman ini bertumpuk lebih dari {BARIS_MAKS} baris, batas lembar Excel"
                )
            })?;
        if tumpuk.teks.is_empty() {
            tumpuk.teks = t.teks;
        } else {
            tumpuk.teks.push_str(&t.teks);
        }
        tumpuk
            .sel
            .extend(t.isi.into_iter().map(|(r, c, n)| (r + awal, c, n)));
        tumpuk
            .gabungan
            .extend(t.gabungan.into_iter().map(|g| Gabungan {
                r0: g.r0 + awal,
                r1: g.r1 + awal,
                ..g
            }));
        // The empty row between two tables.
        awal = ujung.saturating_add(1);
    }
    if !tumpuk.sel.is_empty() {
        lembar.push(tumpuk);
    }
    for t in dalam.into_iter().filter(|t| !t.isi.is_empty()) {
        let mut nama = nama_tabel(t.urutan);
        // A title may be `Tabel 2` too: names stay unique as sheet names are (the nested
        // tables' numbers are unique among themselves).
        if lembar.first().is_some_and(|l| l.nama == nama) {
            nama.push_str(" (dalam sel)");
        }
        lembar.push(Lembar {
            nama,
            gabungan: t.gabungan,
            teks: t.teks,
            sel: t.isi,
        });
    }
    Ok(lembar)
}

/// Lays each table inside a cell into that cell, innermost first (a table opens after the
/// table it is in, so it comes later in `tabel`, sorted by `urutan`): its cells and merged
/// regions move to the cell's place in the parent, the cell's own merged region gives way to
/// them (Excel merges around the inner table instead), and it is no sheet of its own. Only
/// when its rows and columns fit the cell's region; the parent's cells are put back in sheet
/// order after.
fn tempelkan(tabel: &mut [Tabel]) {
    let mut kacau = vec![false; tabel.len()];
    for k in (0..tabel.len()).rev() {
        let Some(tp) = tabel[k].tempel else { continue };
        if tp.induk >= k || tabel[k].isi.is_empty() {
            continue;
        }
        let (kiri, kanan) = tabel.split_at_mut(k);
        let (induk, anak) = (&mut kiri[tp.induk], &mut kanan[0]);
        let wilayah = match tp.gabungan {
            Some(g) => match induk.gabungan.get(g) {
                Some(g) if g.r0 == tp.r && g.c0 == tp.c => *g,
                _ => continue,
            },
            None => Gabungan {
                r0: tp.r,
                c0: tp.c,
                r1: tp.r,
                c1: tp.c,
            },
        };
        // Its own merges that gave way to a table inside it are gone.
        anak.gabungan.retain(|g| g.r0 != u32::MAX);
        let lebar = anak
            .isi
            .iter()
            .map(|&(_, c, _)| c)
            .chain(anak.gabungan.iter().map(|g| g.c1))
            .max()
            .map_or(0, |c| c.saturating_add(1));
        if anak.baris_berikut > wilayah.r1 - wilayah.r0 + 1 || lebar > wilayah.c1 - wilayah.c0 + 1 {
            continue;
        }
        if let Some(g) = tp.gabungan.and_then(|g| induk.gabungan.get_mut(g)) {
            // Given way: dropped when the sheet is made.
            g.r0 = u32::MAX;
        }
        induk.teks.push_str(&std::mem::take(&mut anak.teks));
        induk.isi.extend(
            std::mem::take(&mut anak.isi)
                .into_iter()
                .map(|(r, c, n)| (r.saturating_add(tp.r), c.saturating_add(tp.c), n)),
        );
        induk.gabungan.extend(
            std::mem::take(&mut anak.gabungan)
                .into_iter()
                .map(|g| Gabungan {
                    r0: g.r0.saturating_add(tp.r),
                    c0: g.c0.saturating_add(tp.c),
                    r1: g.r1.saturating_add(tp.r),
                    c1: g.c1.saturating_add(tp.c),
                }),
        );
        kacau[tp.induk] = true;
    }
    for (t, kacau) in tabel.iter_mut().zip(kacau) {
        t.gabungan.retain(|g| g.r0 != u32::MAX);
        if kacau {
            urutkan(t);
        }
    }
}

/// A table's cells back in sheet order after another table was laid into it; of two cells
/// at one place (a malformed table whose spans overlap) the first stays.
fn urutkan(t: &mut Tabel) {
    let mut awal = 0usize;
    let mut sel: Vec<(u32, u32, usize, u32)> = t
        .isi
        .iter()
        .map(|&(r, c, n)| {
            let a = awal;
            awal += n as usize;
            (r, c, a, n)
        })
        .collect();
    sel.sort_by_key(|&(r, c, _, _)| (r, c));
    sel.dedup_by_key(|&mut (r, c, _, _)| (r, c));
    let mut teks = String::with_capacity(t.teks.len());
    t.isi = sel
        .into_iter()
        .map(|(r, c, a, n)| {
            teks.push_str(t.teks.get(a..a + n as usize).unwrap_or_default());
            (r, c, n)
        })
        .collect();
    t.teks = teks;
}

/// Tags whose edges break a line inside a cell.
fn blok(n: &[u8]) -> bool {
    matches!(
        n,
        b"p" | b"div"
            | b"li"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"hr"
            | b"pre"
            | b"blockquote"
            | b"address"
            | b"center"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
    )
}

/// The tokenizer state a start tag leads to (html5gum's `naive_next_state`, with the
/// `noframes` it misspells): what follows `<script>`, `<style>` … up to its end tag is text
/// to the tokenizer, not tags.
fn keadaan_berikut(n: &[u8]) -> Option<State> {
    match n {
        b"textarea" | b"title" => Some(State::RcData),
        b"plaintext" => Some(State::PlainText),
        b"script" => Some(State::ScriptData),
        b"style" | b"iframe" | b"xmp" | b"noembed" | b"noframes" | b"noscript" => {
            Some(State::RawText)
        }
        _ => None,
    }
}

impl Emitter for Pembangun {
    type Token = Token;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.tag_terakhir.kosongkan();
        self.tag_terakhir.tambah(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.akhir();
    }

    fn emit_error(&mut self, _: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Token> {
        self.hasil.take()
    }

    fn emit_string(&mut self, c: &[u8]) {
        if !self.berhenti {
            self.teks(c);
        }
    }

    fn init_start_tag(&mut self) {
        self.jenis = Some(JenisTag::Buka);
        self.tag.kosongkan();
        self.colspan = None;
        self.rowspan = None;
        self.atribut = Atribut::Lain;
        self.atribut_nama.kosongkan();
        self.atribut_nilai = Angka::default();
    }

    fn init_end_tag(&mut self) {
        self.jenis = Some(JenisTag::Tutup);
        self.tag.kosongkan();
    }

    fn init_comment(&mut self) {}

    fn emit_current_tag(&mut self) -> Option<State> {
        if self.berhenti {
            return None;
        }
        match self.jenis.take() {
            Some(JenisTag::Buka) => {
                self.akhiri_atribut();
                self.tag_terakhir = self.tag;
                self.tag_buka();
                keadaan_berikut(self.tag.isi())
            }
            Some(JenisTag::Tutup) => {
                self.tag_tutup();
                None
            }
            None => None,
        }
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {}

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag.tambah(s);
    }

    fn push_comment(&mut self, _: &[u8]) {}

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {
        self.akhiri_atribut();
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        self.atribut_nama.tambah(s);
        self.atribut = match self.atribut_nama.isi() {
            b"colspan" => Atribut::Colspan,
            b"rowspan" => Atribut::Rowspan,
            _ => Atribut::Lain,
        };
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if self.atribut != Atribut::Lain && self.jenis == Some(JenisTag::Buka) {
            self.atribut_nilai.tambah(s);
        }
    }

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.jenis == Some(JenisTag::Tutup)
            && !self.tag.isi().is_empty()
            && self.tag.isi() == self.tag_terakhir.isi()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;
    use std::path::Path;

    fn teks(g: &Grid, r: u32, c: u32) -> Option<&str> {
        g.sel(r, c).teks()
    }

    fn gab(r0: u32, c0: u32, r1: u32, c1: u32) -> Gabungan {
        Gabungan { r0, c0, r1, c1 }
    }

    fn semua(html: &str) -> Vec<Grid> {
        baca_bita(html.as_bytes(), "uji.xls").unwrap()
    }

    fn satu(html: &str) -> Grid {
        let mut g = semua(html);
        assert_eq!(g.len(), 1, "{g:?}");
        g.remove(0)
    }

    /// The DPA rincian that a SIPD helper saved as HTML under an `.xls` name, through
    /// `sheet::buka` as any workbook. Every value below is read by eye from the file. Its
    /// eight tables: seven at the top level, stacked as Excel shows them (rows 0–1, 3–12,
    /// 14–20, 22–26, 28–68, 70–83, 85–89: each table's `<tr>` counted, one empty row
    /// between), and the signature block (eleven rows, one column) inside the Rencana
    /// Penarikan's `rowspan=14` cell at column 2, laid into that cell from row 70.
    #[test]
    fn dpa_rincian_html_sampel_bertumpuk_satu_lembar() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "samples/bontang-barat-2022/dpa/DPA-RINCIAN_7.01.02.2.02.01_Perencanaan_Kegiatan_Pelayanan_Kepada_Masyarakat_di_Kecamata.xls",
        );
        let mut buku = sheet::buka(&path).unwrap();
        // No `<title>`: the file's name, cut at Excel's 31 characters.
        let nama = "DPA-RINCIAN_7.01.02.2.02.01_Per";
        assert_eq!(buku.lembar, vec![nama.to_string()]);
        let g = buku.baca(nama).unwrap();

        // The title block: `<br/>` becomes a space, colspan and rowspan are merges.
        assert_eq!(
            teks(&g, 0, 0),
            Some("DOKUMEN PELAKSANAAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH")
        );
        assert_eq!(teks(&g, 0, 2), Some("Formulir DPA-RINCIAN BELANJA SKPD"));
        assert_eq!(
            teks(&g, 1, 0),
            Some("Pemerintah Kota Bontang Tahun Anggaran 2022")
        );
        assert_eq!(
            g.gabungan[..3],
            [gab(0, 0, 0, 1), gab(0, 2, 1, 2), gab(1, 0, 1, 1)]
        );
        assert_eq!(g.teks_tampak(1, 2), "Formulir DPA-RINCIAN BELANJA SKPD");
        // The empty row between two tables.
        assert!(g.baris.iter().all(|b| b.r != 2), "{:?}", g.baris);

        // The key/value block from row 3: `Alokasi Tahun` is its ninth row.
        assert_eq!(teks(&g, 3, 0), Some("Nomor DPA"));
        assert_eq!(teks(&g, 11, 0), Some("Alokasi Tahun"));
        assert_eq!(teks(&g, 11, 1), Some(":"));
        assert_eq!(teks(&g, 11, 2), Some("Rp. 31.003.454"));

        // `&amp;` decoded.
        assert_eq!(
            teks(&g, 14, 0),
            Some("Indikator & Tolok Ukur Kinerja Kegiatan")
        );
        assert_eq!(teks(&g, 18, 2), Some("150 Orang"));

        // `&nbsp;` alone is an empty cell.
        assert_eq!(teks(&g, 26, 0), Some("Keterangan"));
        assert_eq!(g.sel(26, 2), &Isi::Kosong);

        // The rincian from row 28: a two-row header whose second row starts after two
        // rowspans, its merged regions moved down with it.
        assert_eq!(teks(&g, 28, 0), Some("Kode Rekening"));
        assert_eq!(teks(&g, 28, 2), Some("Rincian Perhitungan"));
        assert_eq!(teks(&g, 28, 6), Some("Jumlah"));
        assert_eq!(teks(&g, 29, 2), Some("Koefisien"));
        assert_eq!(teks(&g, 29, 5), Some("PPN"));
        let i = g.gabungan.iter().position(|m| m.r0 == 28).unwrap();
        assert_eq!(
            g.gabungan[i..i + 4],
            [
                gab(28, 0, 29, 0),
                gab(28, 1, 29, 1),
                gab(28, 2, 28, 5),
                gab(28, 6, 29, 6)
            ]
        );
        assert_eq!(g.teks_tampak(29, 0), "Kode Rekening");
        assert_eq!(teks(&g, 30, 0), Some("5"));
        assert_eq!(teks(&g, 30, 1), Some("BELANJA DAERAH"));
        assert_eq!(teks(&g, 30, 6), Some("Rp. 31.003.454"));
        // Ballpoint: two `<div>` in one cell stay apart; `3.500` stays text.
        assert_eq!(g.sel(38, 0), &Isi::Kosong);
        assert_eq!(
            teks(&g, 38, 1),
            Some("Ballpoint Spesifikasi : Standard, tinta hitam")
        );
        assert_eq!(teks(&g, 38, 2), Some("160 Buah"));
        assert_eq!(g.sel(38, 4), &Isi::Teks("3.500".into()));
        assert_eq!(teks(&g, 38, 5), Some("0"));
        assert_eq!(teks(&g, 38, 6), Some("Rp. 560.000"));
        assert_eq!(teks(&g, 68, 0), Some("Jumlah Anggaran Sub Kegiatan :"));
        assert_eq!(teks(&g, 68, 6), Some("Rp. 31.003.454"));

        // The Rencana Penarikan from row 70: the signature cell (rowspan 14) holds a table
        // of eleven rows, laid into it; the cell's merge gives way to it.
        assert_eq!(teks(&g, 70, 0), Some("Rencana Penarikan Dana per Bulan"));
        assert!(
            !g.gabungan.iter().any(|m| m.c0 == 2 && m.r0 >= 70),
            "{:?}",
            g.gabungan
        );
        assert_eq!(
            teks(&g, 70, 2),
            Some("Kota Bontang , Tanggal 3 Januari 2022")
        );
        assert_eq!(teks(&g, 71, 2), Some("Kepala SKPD"));
        assert_eq!(teks(&g, 79, 2), Some("(nama PPKD)"));
        assert_eq!(teks(&g, 80, 2), Some("NIP: ...................."));
        assert_eq!(g.sel(81, 2), &Isi::Kosong);
        assert_eq!(teks(&g, 73, 0), Some("Maret"));
        assert_eq!(teks(&g, 73, 1), Some("Rp 3.875.431"));
        assert_eq!(teks(&g, 83, 0), Some("Jumlah"));
        assert_eq!(teks(&g, 83, 1), Some("Rp 31.003.454"));
        // The TAPD, the last table.
        assert_eq!(teks(&g, 85, 0), Some("Tim Anggaran Pemerintah Daerah"));
        assert_eq!(teks(&g, 86, 4), Some("Tanda Tangan"));
        assert_eq!(teks(&g, 89, 0), Some("3."));
        assert_eq!(teks(&g, 89, 3), Some("(jabatan)"));
        assert_eq!(g.baris.last().map(|b| b.r), Some(89));
    }

    /// A table inside a cell goes into the cell when it fits the cell's rows and columns and
    /// the cell has no text of its own; else it is a sheet of its own.
    #[test]
    fn tabel_dalam_sel_ditempel_bila_muat() {
        // Two levels: the innermost (2 rows) into its cell of the middle table, the middle
        // (3 rows, 2 columns) into the outer cell spanning rows 0–3 and columns 1–2.
        let g = satu(
            "<table><tr><td>a<td rowspan=4 colspan=2>\
               <table><tr><td>m1<td rowspan=2><table><tr><td>i1<tr><td colspan=1>i2</table>\
                      <tr><td>m2<tr><td colspan=2>m3</table>\
             <td>b<tr><td>c<td>d<tr><td>e<tr><td>f</table>",
        );
        assert_eq!(teks(&g, 0, 0), Some("a"));
        assert_eq!(teks(&g, 0, 1), Some("m1"));
        assert_eq!(teks(&g, 0, 2), Some("i1"));
        assert_eq!(teks(&g, 1, 2), Some("i2"));
        assert_eq!(teks(&g, 1, 1), Some("m2"));
        assert_eq!(teks(&g, 2, 1), Some("m3"));
        assert_eq!(teks(&g, 0, 3), Some("b"));
        assert_eq!(teks(&g, 1, 0), Some("c"));
        assert_eq!(teks(&g, 1, 3), Some("d"));
        // The outer cell's merge and the middle's rowspan gave way; m3's colspan moved.
        assert_eq!(g.gabungan, vec![gab(2, 1, 2, 2)]);
        // The same one row lower: the middle's merge that gave way is not moved with it
        // (fuzz/html: its marker overflowed when added to the row).
        let g = satu(
            "<table><tr><td>z<tr><td>a<td rowspan=4 colspan=2>\
               <table><tr><td>m1<td rowspan=2><table><tr><td>i1<tr><td>i2</table>\
                      <tr><td>m2<tr><td colspan=2>m3</table>\
             <td>b<tr><td>c<td>d<tr><td>e<tr><td>f</table>",
        );
        assert_eq!(teks(&g, 1, 2), Some("i1"));
        assert_eq!(teks(&g, 3, 1), Some("m3"));
        assert_eq!(g.gabungan, vec![gab(3, 1, 3, 2)]);
        // Too tall for its cell, too wide, or beside text of the cell: a sheet of its own.
        for html in [
            "<table><tr><td>a<td><table><tr><td>x<tr><td>y</table></table>",
            "<table><tr><td>a<td colspan=1><table><tr><td>x<td>y</table></table>",
            "<table><tr><td>a<td>teks <table><tr><td>x</table></table>",
        ] {
            let g = semua(html);
            let nama: Vec<&str> = g.iter().map(|g| g.lembar.as_str()).collect();
            assert_eq!(nama, vec!["uji", "Tabel 2"], "{html}");
            assert_eq!(teks(&g[1], 0, 0), Some("x"));
            assert_eq!(g[0].baris.len(), 1);
        }
    }

    /// Tables stacked as Excel shows them: each from the row after the previous one's last
    /// row and an empty row, its rows kept even when empty, its merged regions moved down.
    #[test]
    fn tabel_bertumpuk_dengan_baris_kosong_di_antaranya() {
        let g = satu(
            "<div><table><tr><td colspan=2>Judul<tr><td rowspan=2>a<td>b<tr><td>c</table>\
             <table><tr><td>&nbsp;<tr></table>\
             <table><tr><td>x<td colspan=3 rowspan=2>y<tr><td>z</table>\
             <table></table><table><tr><td>akhir</table></div>",
        );
        assert_eq!(g.lembar, "uji", "the file's name without .xls");
        // Table 1: rows 0–2; the empty row 3; table 2 (two empty rows): 4–5; the empty row
        // 6; table 3: 7–8; table 4 has no row and takes none; the empty row 9; table 5: 10.
        assert_eq!(teks(&g, 0, 0), Some("Judul"));
        assert_eq!(teks(&g, 2, 1), Some("c"));
        assert_eq!(teks(&g, 7, 0), Some("x"));
        assert_eq!(teks(&g, 7, 1), Some("y"));
        assert_eq!(teks(&g, 8, 0), Some("z"));
        assert_eq!(teks(&g, 10, 0), Some("akhir"));
        let r: Vec<u32> = g.baris.iter().map(|b| b.r).collect();
        assert_eq!(r, vec![0, 1, 2, 7, 8, 10]);
        assert_eq!(
            g.gabungan,
            vec![gab(0, 0, 0, 1), gab(1, 0, 2, 0), gab(7, 1, 8, 3)]
        );
        assert_eq!(g.teks_tampak(8, 3), "y");
    }

    #[test]
    fn baris_bertumpuk_dibatasi() {
        // Empty rows cost no memory, but the stacked sheet stays within Excel's rows.
        let mut html = "<table><tr><td>a".to_string();
        html.push_str(&"<tr>".repeat(BARIS_MAKS as usize / 2));
        html.push_str("</table>");
        let dua = html.repeat(2);
        let e = baca_bita(dua.as_bytes(), "tinggi.xls").unwrap_err();
        assert!(
            e.to_string()
                .contains("bertumpuk lebih dari 1048576 baris, batas lembar Excel"),
            "{e}"
        );
        assert_eq!(semua(&html).len(), 1);
    }

    #[test]
    fn colspan_dan_rowspan_menyusun_kolom_seperti_browser() {
        let g = satu(
            "<table>
             <tr><th rowspan=2>Kode<th rowspan=2>Uraian<th colspan=2>Realisasi<th rowspan=3>Ket
             <tr><th>Rp<th>%
             <tr><td colspan=2>JUMLAH<td>3.500<td>99,17
             </table>",
        );
        assert_eq!(teks(&g, 1, 2), Some("Rp"));
        assert_eq!(teks(&g, 1, 3), Some("%"));
        assert_eq!(teks(&g, 0, 4), Some("Ket"));
        assert_eq!(teks(&g, 2, 0), Some("JUMLAH"));
        assert_eq!(teks(&g, 2, 2), Some("3.500"));
        assert_eq!(teks(&g, 2, 3), Some("99,17"));
        assert_eq!(
            g.gabungan,
            vec![
                gab(0, 0, 1, 0),
                gab(0, 1, 1, 1),
                gab(0, 2, 0, 3),
                gab(0, 4, 2, 4),
                gab(2, 0, 2, 1),
            ]
        );
        assert_eq!(g.teks_tampak(1, 0), "Kode");
    }

    #[test]
    fn rowspan_berakhir_di_kelompok_barisnya() {
        // `rowspan=5` in the head stops at its end; `rowspan=0` reaches the body's end; the
        // body's rows are not pushed right by the head's rowspans.
        let g = satu(
            "<table><thead><tr><th rowspan=5>A<th>B</thead>
             <tbody><tr><td>1<td rowspan=0>x<td>2<tr><td>3<td>4</tbody>
             <tr><td>5</table>",
        );
        assert_eq!(teks(&g, 1, 0), Some("1"));
        assert_eq!(teks(&g, 1, 2), Some("2"));
        assert_eq!(teks(&g, 2, 0), Some("3"));
        assert_eq!(teks(&g, 2, 2), Some("4"));
        assert_eq!(teks(&g, 3, 0), Some("5"));
        assert_eq!(g.gabungan, vec![gab(0, 0, 0, 0), gab(1, 1, 2, 1)]);
        // Values a browser clamps or ignores.
        let g = satu(
            "<table><tr><td colspan=0>a<td colspan=' 2px' rowspan=-1>b<td colspan=5000>c<td>d</table>",
        );
        assert_eq!(teks(&g, 0, 0), Some("a"));
        assert_eq!(teks(&g, 0, 1), Some("b"));
        assert_eq!(teks(&g, 0, 3), Some("c"));
        assert_eq!(g.gabungan, vec![gab(0, 1, 0, 2), gab(0, 3, 0, 255)]);
        assert_eq!(g.lebar(), 4, "d is at column 1003, past KOLOM_MAKS");
    }

    #[test]
    fn entitas_dan_baris_baru() {
        let g = satu(
            "<table><tr><td>A &amp; B &lt;C&gt; &quot;D&quot;<td>caf&eacute; &#233; &#xE9;\
             <td>&copy 2022&nbsp;&nbsp;x<td>satu<br>dua<BR/>tiga<td>  spasi \n\t terlipat  \
             <td>&bogus; &amp</table>",
        );
        assert_eq!(teks(&g, 0, 0), Some("A & B <C> \"D\""));
        assert_eq!(teks(&g, 0, 1), Some("café é é"));
        assert_eq!(teks(&g, 0, 2), Some("© 2022 x"));
        assert_eq!(teks(&g, 0, 3), Some("satu dua tiga"));
        assert_eq!(teks(&g, 0, 4), Some("spasi terlipat"));
        assert_eq!(teks(&g, 0, 5), Some("&bogus; &"));
    }

    #[test]
    fn penyandian_utf8_1252_dan_meta() {
        // No BOM, no meta, not UTF-8: Windows-1252 (0xE9 é, 0x80 €).
        let g = &baca_bita(b"<table><tr><td>Caf\xE9 \x80 5</table>", "a.xls").unwrap()[0];
        assert_eq!(teks(g, 0, 0), Some("Café € 5"));
        // UTF-8, with and without BOM.
        let g = satu("<table><tr><td>Café</table>");
        assert_eq!(teks(&g, 0, 0), Some("Café"));
        let g = &baca_bita("\u{feff}<table><tr><td>Café</table>".as_bytes(), "b.xls").unwrap()[0];
        assert_eq!(teks(g, 0, 0), Some("Café"));
        // A meta charset wins over bytes that happen to be valid UTF-8.
        let g = &baca_bita(
            "<html><meta charset=windows-1252><table><tr><td>Café</table>".as_bytes(),
            "c.xls",
        )
        .unwrap()[0];
        assert_eq!(teks(g, 0, 0), Some("CafÃ©"));
    }

    #[test]
    fn nama_lembar_dari_judul_dan_tabel_kosong_dilewati() {
        let g = satu(
            "<!DOCTYPE html><html><head><title> LRA  &amp; Realisasi </title>\
             <style>td { color: red } <td>bukan sel</td></style>\
             <script>document.write('<table><tr><td>bukan tabel</td></tr></table>')</script>\
             </head><body><table></table><!-- <table><tr><td>komentar --><table><tr><td>isi</table>",
        );
        assert_eq!(g.lembar, "LRA & Realisasi");
        assert_eq!(teks(&g, 0, 0), Some("isi"));
        // A wrapper holding only a nested table: the nested one laid into its cell.
        let g = satu(
            "<title>Judul</title><table><tr><td><table><tr><td>dalam</table></table>\
             <table><tr><td>kedua</table>",
        );
        assert_eq!(g.lembar, "Judul");
        assert_eq!(teks(&g, 0, 0), Some("dalam"));
        assert_eq!(teks(&g, 2, 0), Some("kedua"));
        // A nested table that is a sheet of its own is numbered by its place among all
        // tables; a title `Tabel 2` does not take its name.
        let g =
            semua("<title>Tabel 2</title><table><tr><td>luar<table><tr><td>dalam</table></table>");
        let nama: Vec<&str> = g.iter().map(|g| g.lembar.as_str()).collect();
        assert_eq!(nama, vec!["Tabel 2", "Tabel 2 (dalam sel)"]);
    }

    #[test]
    fn tag_sup_seperti_browser() {
        // `<td>` without `<tr>`, unclosed cells and rows, text between cells dropped,
        // `<table>` directly inside a table closes it.
        let g =
            satu("<table>sampah<td>a<td>b<tr>lagi<td>c</tr><table><tr><td>baru</td></tr></table>");
        assert_eq!(teks(&g, 0, 0), Some("a"));
        assert_eq!(teks(&g, 0, 1), Some("b"));
        assert_eq!(teks(&g, 1, 0), Some("c"));
        // The second table, stacked under the first and an empty row.
        assert_eq!(teks(&g, 3, 0), Some("baru"));
        assert_eq!(g.baris.len(), 3);
        // Cells outside any table are ignored; a nested table's text is not its cell's.
        let g = satu("<td>lepas</td><tr><td>juga</tr><table><tr><td>isi</table>");
        assert_eq!(g.lembar, "uji");
        assert_eq!(g.baris.len(), 1);
        let g = semua("<table><tr><td>luar <table><tr><td>dalam</table> lanjut</table>");
        assert_eq!(teks(&g[0], 0, 0), Some("luar lanjut"));
        assert_eq!(teks(&g[1], 0, 0), Some("dalam"));
    }

    #[test]
    fn tanpa_tabel_dan_sarang_tak_berujung() {
        assert!(semua("<html><body><p>Sesi habis</p></body></html>").is_empty());
        let dalam = "<table><tr><td>x".repeat(100_000);
        let e = baca_bita(dalam.as_bytes(), "sarang.xls").unwrap_err();
        assert_eq!(
            e.to_string(),
            "sarang.xls: berkas rusak atau terpotong (lebih dari 64 tabel bersarang di dalam sel tabel lain). Unduh atau salin ulang berkas aslinya."
        );
        let banyak = "<table><tr><td>x</table>".repeat(TABEL_MAKS + 1);
        let e = baca_bita(banyak.as_bytes(), "banyak.xls").unwrap_err();
        assert!(e.to_string().contains("lebih dari 10000 tabel HTML"), "{e}");
    }

    #[test]
    fn sel_terlalu_banyak_dihentikan_dengan_nama_berkas() {
        let html = "<table><tr><td>a<td colspan=2>b<td>c</table>";
        let e = baca_terbatas(html.as_bytes(), encoding_rs::UTF_8, "besar.xls", 3).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "besar.xls › Tabel 1: lembar memuat lebih dari {SEL_MAKS} sel berisi; bukan tabel anggaran yang dapat dibaca."
            )
        );
        assert!(baca_terbatas(html.as_bytes(), encoding_rs::UTF_8, "besar.xls", 4).is_ok());
    }

    #[test]
    fn teks_sel_dipotong_di_batas_excel() {
        let html = format!("<table><tr><td>{}</table>", "é".repeat(TEKS_SEL_MAKS + 10));
        let g = satu(&html);
        assert_eq!(teks(&g, 0, 0).unwrap().chars().count(), TEKS_SEL_MAKS);
        // A huge attribute (an image as `data:`) is not kept.
        let html = format!(
            "<table><tr><td><img src=\"{}\">x</table>",
            "A".repeat(1 << 20)
        );
        assert_eq!(teks(&satu(&html), 0, 0), Some("x"));
    }

    #[test]
    fn bita_sembarang_tidak_panik() {
        for bita in [
            &b"<table><tr><td rowspan=99999999999999999999999 colspan=4294967296>x"[..],
            b"<table><td\x00>\xFF\xFE<tr></td></tr></table></table></table>",
            b"<table><tr><td><script>",
            b"<table><caption><td>x</caption><col><td>y<tbody><thead></tfoot><td>z",
            b"<table><tr><td><title>t</title><textarea>a<td>b</textarea><plaintext><td>",
            b"<",
            b"",
        ] {
            let _ = baca_bita(bita, "x.xls");
        }
        // Rows past u32 are not reachable from a file of bounded size, but the builder
        // saturates rather than overflows.
        let mut t = Tabel::new(0, false);
        t.baris_berikut = u32::MAX;
        assert_eq!(t.baris_akhir(), u32::MAX - 1);
    }
}
