// The umbrella module: `import Tifa` brings in the whole public API.
@_exported import TifaText
