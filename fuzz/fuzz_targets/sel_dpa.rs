//! Arbitrary rows under a DPA rincian's title, key/value block and `Kode Rekening` header
//! (the murni and the perubahan layout) through the DPA recogniser and its checks: code
//! cells of every width, `[#]` and `[-]` rows, koefisien as numbers and as `2 Orang x 3
//! Hari`, PPN as a rate and an amount, totals, the Rencana Penarikan's months.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::recognise::dpa::{self, Hasil};
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "5", "1", "02", "01", "0024", "00024", "001", "x", "5.1.02.01.01.0024",
    "[#] Belanja ATK", "[-] Peserta", "Ballpoint\nSpesifikasi : Standard", "Jumlah Anggaran Sub Kegiatan",
    "Rencana Penarikan Dana per Bulan", "Januari", "Desember", "Jumlah", "2 Orang x 3 Hari",
    "245 Orang / Kali", "11%", "Rp 1.698.100", "Buah", "Capaian Program", "Keluaran", "Masukan",
    "Alokasi Tahun 2022", "Sub Kegiatan", "7.01.01.2.01.06 Koordinasi", "Unit",
    "7.01.0.00.0.00.30.0000 KECAMATAN BONTANG BARAT", "-", "",
    // The HTML print's (docs/dpa-tata-letak.md layout 6): a colon in a cell of its own,
    // relative alokasi years, amounts as `Rp.` text with a terbilang, thousands in text.
    ":", "Alokasi Tahun - 1", "Alokasi Tahun", "Alokasi Tahun + 1", "Rp. 31.003.454",
    "Rp1.234.567", "Rp. 1.234 (seribu dua ratus tiga puluh empat rupiah)", "3.500",
    "1.200 Lembar", "Formulir DPA-RINCIAN BELANJA SKPD", "Jumlah Anggaran Sub Kegiatan :",
    "Rp 0", "Kepala SKPD",
];

const ANGKA: &[f64] = &[0.0, 1.0, 3.0, 0.11, 3500.0, 1_698_100.0, 1e17, 1e28, f64::NAN, -1.0, 0.5];

fn isi(t: &str) -> Isi {
    if t.is_empty() { Isi::Kosong } else { Isi::Teks(t.to_string()) }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, sisa)) = data.split_first() else {
        return;
    };
    let mut kepala: Vec<Vec<&str>> = vec![
        vec!["DOKUMEN PELAKSANAAN ANGGARAN"],
        vec!["PEMERINTAH KOTA BONTANG TAHUN ANGGARAN 2022"],
        vec!["Indikator", "", "", "", "", "", "Tolok Ukur Kinerja", "", "", "", "Target Kinerja"],
    ];
    if pilih % 2 == 0 {
        kepala.push(vec!["Kode Rekening", "", "", "", "", "", "Uraian", "Rincian Perhitungan", "", "", "", "Jumlah (Rp)"]);
        kepala.push(vec!["", "", "", "", "", "", "", "Koefisien", "Satuan", "Harga", "PPN"]);
    } else {
        kepala.push(vec!["Kode Rekening", "", "", "", "", "", "Uraian", "Rincian Perhitungan", "", "", "", "", "", "", "", "", "", "Bertambah/(Berkurang)"]);
        kepala.push(vec!["", "", "", "", "", "", "", "Sebelum", "", "", "", "", "Sesudah"]);
        kepala.push(vec!["", "", "", "", "", "", "", "Koefisien", "Satuan", "Harga", "PPN", "Jumlah", "Koefisien", "Satuan", "Harga", "PPN", "Jumlah"]);
    }
    let mut baris: Vec<Baris> = kepala
        .into_iter()
        .enumerate()
        .map(|(r, sel)| Baris { r: r as u32, sel: sel.into_iter().map(isi).collect() })
        .collect();
    let mut r = baris.len() as u32;
    let mut sel = Vec::new();
    let mut byte = sisa.iter().copied();
    while let Some(b) = byte.next() {
        let n = byte.next().unwrap_or(0) as usize;
        let x = match b % 7 {
            0 => {
                baris.push(Baris { r, sel: std::mem::take(&mut sel) });
                r += 1;
                continue;
            }
            1 | 2 => Isi::Teks(KATA[n % KATA.len()].to_string()),
            3 | 4 => Isi::Angka(ANGKA[n % ANGKA.len()]),
            5 => match n % 3 {
                0 => Isi::RumusTanpaHasil,
                1 => Isi::GalatExcel("#VALUE!".into()),
                _ => Isi::Kosong,
            },
            _ => Isi::Kosong,
        };
        if sel.len() < 24 {
            sel.push(x);
        }
    }
    baris.push(Baris { r, sel });
    let grid = Grid { berkas: "dpa.xlsx".into(), lembar: "DPA".into(), baris, gabungan: Vec::new() };
    if !dpa::tampak_dpa(&grid) {
        return;
    }
    if let Hasil::Dpa(d, _) = dpa::kenali(&grid) {
        let _ = check::dpa::periksa(&d);
        let ringkas = lkjip::tables::konversi::RingkasDpa::dari(&d);
        let _ = lkjip::tables::konversi::indikator_dari(&d, &ringkas);
        let _ = lkjip::tables::konversi::rincian_dari(&d, &ringkas.kode);
        let _ = check::dpa::terapkan_pagu(
            &[&d],
            &mut [lkjip::model::Pohon::new()],
            &[lkjip::model::Sumber { berkas: String::new(), lembar: String::new(), sel: String::new() }],
        );
        let _ = check::nomenklatur::periksa_dpa(std::slice::from_ref(&d), lkjip::nomenklatur::Nomenklatur::bawaan());
        let _ = check::dpa::periksa_dengan_anggaran_kas(std::slice::from_ref(&d));
    }
});
