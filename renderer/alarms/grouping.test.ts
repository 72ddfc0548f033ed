import { describe, expect, it } from 'vitest';
import { AlarmWindow } from './alarm-window';
import { groupAlarms, groupKey, groupRows, isGroup, rowKey } from './grouping';
import { syntheticAlarms } from './synthetic-alarms';

const window = new AlarmWindow();
window.upsert(syntheticAlarms(3000));
const alarms = window.ordered;

describe('storm grouping', () => {
  it('puts every alarm in the group of its area and type, once', () => {
    const groups = groupAlarms(alarms);
    expect(groups.reduce((sum, group) => sum + group.members.length, 0)).toBe(alarms.length);
    for (const group of groups) expect(group.members.every((alarm) => alarm.area === group.area && alarm.type === group.type)).toBe(true);
    expect(new Set(groups.map((group) => group.key)).size).toBe(groups.length);
  });

  it('sums occurrences, counts what is unacknowledged or overdue, and takes the most severe and the newest', () => {
    const group = groupAlarms(alarms).find((candidate) => candidate.members.length > 20)!;
    expect(group.occurrences).toBe(group.members.reduce((sum, alarm) => sum + alarm.count, 0));
    expect(group.unacknowledged).toBe(group.members.filter((alarm) => alarm.state === 'new').length);
    expect(group.escalated).toBe(group.members.filter((alarm) => alarm.escalated).length);
    expect(group.severityRank).toBe(Math.min(...group.members.map((alarm) => alarm.severityRank)));
    expect(group.newestAt).toBe(Math.max(...group.members.map((alarm) => alarm.raisedAt)));
    expect(group.members[0]!.raisedAt).toBe(group.newestAt);
  });

  it('orders groups by their newest alarm when the list is newest first', () => {
    const groups = groupAlarms(alarms);
    for (let index = 1; index < groups.length; index++) expect(groups[index - 1]!.newestAt).toBeGreaterThan(groups[index]!.newestAt);
  });

  it('shows the alarms of expanded groups under their group, and only those', () => {
    const groups = groupAlarms(alarms);
    const opened = groups[1]!;
    const rows = groupRows(groups, new Set([opened.key]));
    expect(rows).toHaveLength(groups.length + opened.members.length);
    const at = rows.indexOf(opened);
    expect(rows.slice(at + 1, at + 1 + opened.members.length)).toEqual(opened.members);
    expect(rows.filter(isGroup)).toHaveLength(groups.length);
    expect(rowKey(opened)).toBe(groupKey(opened.area, opened.type));
    expect(rowKey(opened.members[0]!)).toBe(opened.members[0]!.id);
    expect(groupRows(groups, new Set())).toEqual(groups);
  });
});
