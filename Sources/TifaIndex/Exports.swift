// An index stores `Document`s; a user of TifaIndex alone needs the type without importing TifaText.
@_exported import struct TifaText.Document
