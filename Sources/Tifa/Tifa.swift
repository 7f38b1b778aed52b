// The umbrella module: `import Tifa` brings in the whole public API.
@_exported import TifaAnalytics
@_exported import TifaArchive
@_exported import TifaIndex
@_exported import TifaMining
@_exported import TifaText
