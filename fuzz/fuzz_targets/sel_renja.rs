//! Arbitrary rows under a Renja evaluation form's header through the Renja recogniser, its
//! checks (row formulas, parent sums, the typo pairing) and its kinerja parts. The header is
//! one of two real layouts (Permendagri 86/2017 with a Satuan column and this office's
//! numbering, and afilamediakarya/demonev's), with a column-number row whose formulas come
//! from the input too; cells come from a vocabulary of codes, names, K and Rp values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::check;
use lkjip::recognise::renja::{self, Hasil};
use lkjip::sheet::{Baris, Grid, Isi};

const KATA: &[&str] = &[
    "7",
    "7.01",
    "7.01.0.00.0.00.30.0000",
    "7.01.0.00.0.00.30.0001",
    "7.01.01",
    "7.01.01.2.01",
    "7.01.01.2.01.01",
    "7.01.01.2.01.0001",
    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "KECAMATAN BONTANG BARAT",
    "Perangkat Daerah : Kecamatan Bontang Barat",
    "JUMLAH",
    "Meningkatnya kualitas pelayanan",
    "Nilai Survey Kepuasan Masyarakat",
    "n/a",
    "-",
    "100%",
    "87,40",
    "1.698.100",
    "Rp 1.698.100,-",
    "14 = 10+11+12+13",
    "15 = 14/9 x 100%",
    "13 = 12/7 x 100%",
    "12 = 8+9+10+11",
    "16 = 8 + 14",
    "9 = 99/0",
    "Bontang, 31 Januari 2023",
    "",
];

const ANGKA: &[f64] = &[
    0.0, 1.0, 25.0, 87.4, 100.0, 1_698_100.0, 3_396_200.0, 1e17, 1e28, f64::NAN, -1.0, 0.5,
];

fn kepala(pilih: u8) -> Vec<Vec<&'static str>> {
    if pilih % 2 == 0 {
        let mut atas = vec![
            "No",
            "Sasaran",
            "Kode",
            "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
            "Indikator Kinerja Program (outcome)/Kegiatan (output)",
            "Satuan",
            "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra)",
            "",
            "Realisasi Capaian Kinerja Renstra s.d. Renja Tahun Lalu (2021)",
            "",
            "Target Kinerja dan Anggaran Renja Tahun Berjalan (2022) yang Dievaluasi",
            "",
            "Realisasi Kinerja Pada Triwulan",
        ];
        atas.extend([""; 7]);
        atas.extend([
            "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi",
            "",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang Dievaluasi (%)",
            "",
            "Realisasi Kinerja dan Anggaran Renstra s.d. Tahun 2022",
            "",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s.d. Tahun 2022 (%)",
            "",
            "Unit Perangkat Daerah Penanggung Jawab",
        ]);
        let mut tw = vec![""; 12];
        tw.extend(["I", "", "II", "", "III", "", "IV"]);
        let mut krp = vec![""; 6];
        for _ in 0..11 {
            krp.extend(["K", "Rp."]);
        }
        vec![atas, tw, krp]
    } else {
        let mut atas = vec![
            "No",
            "Sasaran",
            "Urusan/Bidang Urusan Pemerintah Daerah dan Program/Kegiatan",
            "Indikator Kinerja Program (outcome) / Kegiatan (output)",
            "Target Renstra OPD (akhir periode Renstra OPD)",
            "",
            "Realisasi Capaian Kinerja Renstra OPD s/d Renja OPD Tahun lalu (2020)",
            "",
            "Target Kinerja dan Anggaran Renja OPD Tahun berjalan yang dievaluasi (2021)",
            "",
            "Realisasi Kinerja Pada Triwulan",
        ];
        atas.extend([""; 7]);
        atas.extend([
            "Realisasi Capaian Kinerja dan Anggaran Renja OPD yang Dievaluasi",
            "",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra OPD s/d tahun 2020 (%)",
            "",
            "Unit OPD penanggung jawab",
        ]);
        let mut tw = vec![""; 10];
        tw.extend(["I", "", "II", "", "III", "", "IV"]);
        let mut krp = vec![""; 4];
        for _ in 0..9 {
            krp.extend(["K", "Rp"]);
        }
        vec![atas, tw, krp]
    }
}

fn isi(t: &str) -> Isi {
    if t.is_empty() {
        Isi::Kosong
    } else {
        Isi::Teks(t.to_string())
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, sisa)) = data.split_first() else {
        return;
    };
    let mut baris: Vec<Baris> = kepala(pilih)
        .into_iter()
        .enumerate()
        .map(|(r, sel)| Baris {
            r: r as u32,
            sel: sel.into_iter().map(isi).collect(),
        })
        .collect();
    let mut r = baris.len() as u32;
    let mut sel = Vec::new();
    let mut byte = sisa.iter().copied();
    while let Some(b) = byte.next() {
        let nilai = byte.next().unwrap_or(0) as usize;
        let x = match b % 7 {
            0 => {
                baris.push(Baris {
                    r,
                    sel: std::mem::take(&mut sel),
                });
                r += 1;
                continue;
            }
            1 | 2 => Isi::Teks(KATA[nilai % KATA.len()].to_string()),
            3 | 4 => Isi::Angka(ANGKA[nilai % ANGKA.len()]),
            5 => match nilai % 3 {
                0 => Isi::RumusTanpaHasil,
                1 => Isi::GalatExcel("#DIV/0!".into()),
                _ => Isi::Kosong,
            },
            _ => Isi::Kosong,
        };
        if sel.len() < 32 {
            sel.push(x);
        }
    }
    baris.push(Baris { r, sel });
    let grid = Grid {
        berkas: "renja.xlsx".into(),
        lembar: "Evaluasi".into(),
        baris,
        gabungan: Vec::new(),
    };
    let Some(k) = renja::cari_kepala(&grid) else {
        return;
    };
    if let Hasil::Lembar(f, _) = renja::kenali(&grid, k) {
        let _ = check::renja::periksa(&f);
        let (lembar, _) = check::renja::bagian_kinerja(&f);
        let _ = check::kinerja::susun(&lembar, &[], None, f.tahun);
        let _ = check::renja::periksa_dengan_pohon(&f, &lkjip::model::Pohon::new());
    }
});
