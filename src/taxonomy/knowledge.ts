// Everything read from data/ at boot, validated, compiled once and handed to routes and pipeline steps.
// Each data file adds its loader here; a bad file throws DataFileError and stops the server.
export interface Knowledge {
  dataDir: string;
}

export function loadKnowledge(dataDir: string): Knowledge {
  return { dataDir };
}
