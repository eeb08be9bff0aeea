//! Lantai (floor) untuk benchmark `lkjip konversi`: calamine membaca setiap lembar setiap
//! berkas di sebuah folder (`open_workbook_auto` lalu `worksheet_range`, nilai sel saja),
//! satu berkas per tugas di N utas (rayon), tanpa pengenalan, pemeriksaan, atau penulisan.
//! Itu batas bawah membaca banyak DPA dengan crate yang sama.
//!
//! Jalankan: `cargo bench --bench lantai_konversi -- FOLDER [--jobs=N]` (bawaan 2 utas).
//! bench/konversi.sh memanggil binernya langsung supaya waktu cargo tidak ikut terukur.

use calamine::{Reader, open_workbook_auto};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

fn berkas(folder: &PathBuf, hasil: &mut Vec<PathBuf>) {
    let Ok(isi) = std::fs::read_dir(folder) else {
        return;
    };
    for e in isi.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            berkas(&p, hasil);
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
            matches!(
                x.to_ascii_lowercase().as_str(),
                "xlsx" | "xls" | "xlsm" | "xlsb" | "ods"
            )
        }) {
            hasil.push(p);
        }
    }
}

fn main() {
    let mut folder = None;
    let mut jobs = 2usize;
    for a in std::env::args().skip(1) {
        if let Some(n) = a.strip_prefix("--jobs=") {
            jobs = n.parse().expect("--jobs=N");
        } else if !a.starts_with("--") {
            folder = Some(PathBuf::from(a));
        }
    }
    let folder = folder.expect("FOLDER");
    let mut semua = Vec::new();
    berkas(&folder, &mut semua);
    semua.sort();
    let mulai = Instant::now();
    let kolam = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("kolam utas");
    let (sel, gagal): (usize, usize) = kolam.install(|| {
        semua
            .par_iter()
            .map(|p| match open_workbook_auto(p) {
                Ok(mut wb) => {
                    let nama = wb.sheet_names().to_vec();
                    let n: usize = nama
                        .iter()
                        .filter_map(|s| wb.worksheet_range(s).ok())
                        .map(|r| r.used_cells().count())
                        .sum();
                    (n, 0)
                }
                Err(_) => (0, 1),
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    eprintln!(
        "lantai_konversi: {} berkas, {sel} sel, {gagal} gagal dibuka, {:.2} s, {jobs} utas",
        semua.len(),
        mulai.elapsed().as_secs_f64()
    );
}
