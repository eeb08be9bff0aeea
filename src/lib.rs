//! lkjip: reads the realisasi anggaran workbooks of an Indonesian perangkat daerah, checks
//! every stated number against an exact recomputation, and writes the LKjIP annex tables.
//!
//! Data flows one way (see DESIGN.md):
//! [`sheet`] → [`recognise`] → [`model`] / [`pohon`] → [`compute`] → [`check`] → [`tables`] →
//! [`write`](mod@write). [`perintah`] strings them together for the command line.

pub mod angka;
pub mod check;
pub mod compute;
pub mod formulir;
pub mod kode;
pub mod model;
pub mod nama;
pub mod nomenklatur;
pub mod perintah;
pub mod pohon;
pub mod recognise;
pub mod sheet;
pub mod tables;
pub mod temuan;
pub mod write;
