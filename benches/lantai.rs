//! Lantai (floor) untuk benchmark `lkjip susun`: batas bawah yang bisa dicapai dengan crate
//! yang sama, tanpa pekerjaan lkjip sama sekali.
//!
//! Bawaan: calamine membuka workbook (`open_workbook::<Xlsx<_>, _>`) dan mengalirkan setiap
//! sel setiap sheet lewat `worksheet_cells_reader` + `next_cell`; setiap sel teks dan angka
//! langsung ditulis apa adanya oleh rust_xlsxwriter di baris dan kolom yang sama (mode
//! constant memory, tanpa format) ke N sheet. Baca dan tulis berjalan bergantian dalam satu
//! utas, tanpa menyimpan apa pun: "pembacaan mengalir calamine yang polos ditambah penulisan
//! polos rust_xlsxwriter atas baris yang sama".
//!
//! `--pengisi`: lantai sebelum Nov 2026. Membaca dulu (hanya menghitung), lalu menulis teks
//! pengisi (`123xxxx…`, sepanjang rata-rata teks kolomnya) sebagai ganti teks masukan. Teks
//! seperti itu jauh lebih mudah dikempiskan daripada nama kegiatan yang sebenarnya, jadi
//! lantai ini lebih rendah dari yang seharusnya; disimpan untuk membandingkan dengan angka lama.
//!
//! Jalankan: `cargo bench --bench lantai -- MASUK.xlsx KELUAR.xlsx [--lembar=N] [--pengisi]`
//! (`--lembar=N` menulis baris yang sama ke N sheet, bawaan 1: `lkjip susun` menulis Tabel 16
//! dan Tabel 19, dua tabel sepanjang masukan, jadi `--lembar=2` adalah lantai yang lebih dekat).
//! (bench/jalankan.sh memanggil binernya langsung supaya waktu cargo tidak ikut terukur).

use calamine::{DataRef, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{Workbook, Worksheet};
use std::time::Instant;

/// Kolom yang dilacak satu per satu; kolom sesudahnya digabung ke kolom terakhir.
const KOLOM_MAKS: usize = 64;

#[derive(Default, Clone, Copy)]
struct Kolom {
    teks: u64,
    angka: u64,
    lain: u64,
    panjang_teks: u64,
}

fn main() {
    // `cargo bench` menambahkan `--bench`; abaikan opsi selain `--lembar=N` dan `--pengisi`.
    let mut lembar: u32 = 1;
    let mut pengisi = false;
    let mut argumen = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--pengisi" {
            pengisi = true;
        } else if let Some(n) = a.strip_prefix("--lembar=") {
            lembar = n.parse().unwrap_or_else(|_| {
                eprintln!("--lembar harus bilangan bulat, bukan '{n}'");
                std::process::exit(2);
            });
        } else if !a.starts_with("--") {
            argumen.push(a);
        }
    }
    let [masuk, keluar] = argumen.as_slice() else {
        eprintln!(
            "pemakaian: cargo bench --bench lantai -- MASUK.xlsx KELUAR.xlsx [--lembar=N] [--pengisi]"
        );
        std::process::exit(2);
    };
    if pengisi {
        lantai_pengisi(masuk, keluar, lembar);
    } else {
        lantai_sama(masuk, keluar, lembar);
    }
}

fn buka(masuk: &str) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(masuk).unwrap_or_else(|e| {
        eprintln!("{masuk}: tidak bisa dibuka: {e}");
        std::process::exit(2);
    })
}

fn buku_keluaran() -> Workbook {
    let mut keluaran = Workbook::new();
    // The same deflate level lkjip writes with, so the two differ only in the work done.
    keluaran.set_zip_compression_level(lkjip::write::TINGKAT_KOMPRESI);
    keluaran
}

/// Every cell read is written at once, as it is, to each of `lembar` sheets.
fn lantai_sama(masuk: &str, keluar: &str, lembar: u32) {
    let t0 = Instant::now();
    let mut wb = buka(masuk);
    let mut keluaran = buku_keluaran();
    let mut lembar_keluar: Vec<Worksheet> = (0..lembar)
        .map(|_| {
            keluaran
                .new_worksheet_with_constant_memory()
                .expect("sheet constant memory")
        })
        .collect();
    let (mut teks, mut angka, mut lain, mut ditulis) = (0u64, 0u64, 0u64, 0u64);
    let nama_sheet = wb.sheet_names();
    for nama in &nama_sheet {
        let mut pembaca = wb.worksheet_cells_reader(nama).expect("sheet");
        while let Some(c) = pembaca.next_cell().expect("sel") {
            let (r, k) = c.get_position();
            let k = k as u16;
            for ws in &mut lembar_keluar {
                match c.get_value() {
                    DataRef::Empty => continue,
                    DataRef::SharedString(s) => ws.write_string(r, k, *s).map(|_| ()),
                    DataRef::String(s) => ws.write_string(r, k, s).map(|_| ()),
                    DataRef::Float(f) => ws.write_number(r, k, *f).map(|_| ()),
                    DataRef::Int(i) => ws.write_number(r, k, *i as f64).map(|_| ()),
                    _ => continue,
                }
                .expect("tulis");
                ditulis += 1;
            }
            match c.get_value() {
                DataRef::Empty => {}
                DataRef::SharedString(_) | DataRef::String(_) => teks += 1,
                DataRef::Float(_) | DataRef::Int(_) => angka += 1,
                _ => lain += 1,
            }
        }
    }
    drop(wb);
    for ws in lembar_keluar {
        keluaran.push_worksheet(ws);
    }
    keluaran.save(keluar).expect("simpan");
    println!(
        "lantai: baca {} sel ({teks} teks, {angka} angka, {lain} lain) dari {} sheet dan tulis \
         {ditulis} sel yang sama ke {lembar} sheet dalam {:.3} s",
        teks + angka + lain,
        nama_sheet.len(),
        t0.elapsed().as_secs_f64()
    );
}

/// The floor before Nov 2026: count while reading, then write filler text.
fn lantai_pengisi(masuk: &str, keluar: &str, lembar: u32) {
    // --- baca ---
    let t0 = Instant::now();
    let mut wb = buka(masuk);
    let mut kolom = [Kolom::default(); KOLOM_MAKS];
    let mut sel: u64 = 0;
    let mut baris_maks: u32 = 0;
    let mut kolom_maks: u32 = 0;
    let nama_sheet = wb.sheet_names();
    for nama in &nama_sheet {
        let mut pembaca = wb.worksheet_cells_reader(nama).expect("sheet");
        while let Some(c) = pembaca.next_cell().expect("sel") {
            let (r, k) = c.get_position();
            let slot = &mut kolom[(k as usize).min(KOLOM_MAKS - 1)];
            match c.get_value() {
                DataRef::Empty => continue,
                DataRef::SharedString(s) => {
                    slot.teks += 1;
                    slot.panjang_teks += s.len() as u64;
                }
                DataRef::String(s) => {
                    slot.teks += 1;
                    slot.panjang_teks += s.len() as u64;
                }
                DataRef::Float(_) | DataRef::Int(_) => slot.angka += 1,
                _ => slot.lain += 1,
            }
            sel += 1;
            baris_maks = baris_maks.max(r + 1);
            kolom_maks = kolom_maks.max(k + 1);
        }
    }
    drop(wb);
    let waktu_baca = t0.elapsed();

    // --- tulis ---
    let t1 = Instant::now();
    let n_kolom = (kolom_maks as usize).min(KOLOM_MAKS);
    // Per kolom: teks pengisi sepanjang rata-rata, atau None untuk kolom angka.
    let pengisi: Vec<Option<String>> = kolom[..n_kolom]
        .iter()
        .map(|k| {
            (k.teks > k.angka).then(|| {
                let n = (k.panjang_teks / k.teks.max(1)).max(1) as usize;
                "x".repeat(n)
            })
        })
        .collect();
    let mut keluaran = buku_keluaran();
    let mut ditulis: u64 = 0;
    for _ in 0..lembar {
        // Mode constant memory: baris mengalir ke disk.
        let ws = keluaran
            .add_worksheet_with_constant_memory()
            .expect("sheet constant memory");
        for r in 0..baris_maks {
            for (k, p) in pengisi.iter().enumerate() {
                match p {
                    Some(isi) => {
                        // Unik per baris (seperti kode dan nama), panjang sama dengan rata-rata.
                        let awal = r.to_string();
                        let teks = if awal.len() < isi.len() {
                            let mut t = String::with_capacity(isi.len());
                            t.push_str(&awal);
                            t.push_str(&isi[awal.len()..]);
                            t
                        } else {
                            awal
                        };
                        ws.write_string(r, k as u16, teks).expect("tulis teks");
                    }
                    None => {
                        let nilai = 100_000_000.0 + f64::from(r) * 12_345.0 + k as f64;
                        ws.write_number(r, k as u16, nilai).expect("tulis angka");
                    }
                }
                ditulis += 1;
            }
        }
    }
    keluaran.save(keluar).expect("simpan");
    let waktu_tulis = t1.elapsed();

    let teks: u64 = kolom.iter().map(|k| k.teks).sum();
    let angka: u64 = kolom.iter().map(|k| k.angka).sum();
    let lain: u64 = kolom.iter().map(|k| k.lain).sum();
    println!(
        "lantai: baca {sel} sel ({teks} teks, {angka} angka, {lain} lain) dari {} sheet, \
         {baris_maks} baris x {kolom_maks} kolom dalam {:.3} s; tulis {ditulis} sel ke {lembar} sheet dalam {:.3} s",
        nama_sheet.len(),
        waktu_baca.as_secs_f64(),
        waktu_tulis.as_secs_f64()
    );
}
