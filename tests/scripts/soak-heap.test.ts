import { describe, expect, it } from 'vitest';
import { countInSnapshot, heapGrowth, type HeapCensus } from '../../scripts/soak/host-heap';

const HAN = { name: '陈思远', idNumber: '410402199001011230' };

/**
 * A tiny V8 heap snapshot in the inspector's layout: node fields
 * (type, name, id, self_size, edge_count), edge fields (type, name_or_index, to_node).
 */
function snapshot() {
  const strings = ['', 'Object', 'idNumber', HAN.idNumber, `姓名 ${HAN.name}`, 'payload', 'other'];
  const nodeTypes = ['hidden', 'object', 'string', 'concatenated string'];
  const edgeTypes = ['property', 'element', 'weak'];
  // node 0: object with idNumber → node 1 (string holding the ID), other → node 3
  // node 1: string ID; node 2: concatenated string with the name; node 3: unrelated string
  // node 4: a boilerplate-like object whose idNumber → node 3 (not a citizen's number): not counted
  const nodes = [1, 1, 1, 10, 2, 2, 3, 3, 20, 0, 3, 4, 5, 20, 0, 2, 6, 7, 8, 0, 1, 1, 9, 10, 1];
  const edges = [0, 2, 5, 0, 6, 15, 0, 2, 15];
  return {
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [nodeTypes] as [string[]], edge_fields: ['type', 'name_or_index', 'to_node'], edge_types: [edgeTypes] as [string[]] } },
    nodes,
    edges,
    strings,
  };
}

describe('the soak\'s heap census of the host', () => {
  it('counts live strings holding each secret and objects whose idNumber holds one, and labels them masked', () => {
    const counted = countInSnapshot(snapshot(), [HAN, { name: '马秀兰', idNumber: '410403195806150041' }]);
    expect(counted).toEqual({
      strings: { 'name:陈**': 1, 'id:4104**********1230': 1, 'name:马**': 0, 'id:4104**********0041': 0 },
      idNumberObjects: 1,
      nodes: 5,
    });
    expect(JSON.stringify(counted)).not.toContain(HAN.idNumber);
  });

  it('calls growth beyond the slack a leak, naming what grew', () => {
    const census = (session: number, strings: number, objects: number): HeapCensus => ({ session, strings: { 'id:4104**********1230': strings }, idNumberObjects: objects, nodes: 1, ms: 1 });
    expect(heapGrowth(census(100, 4, 23), census(1000, 6, 25))).toEqual([]);
    expect(heapGrowth(census(100, 4, 23), census(1000, 204, 223))).toEqual([
      'host heap: 200 more live strings holding id:4104**********1230 after session 1000 than after session 100',
      "host heap: 200 more objects holding a citizen's idNumber after session 1000 than after session 100",
    ]);
  });
});
