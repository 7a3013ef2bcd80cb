// The prospects slice: the list of prospects, asked once at a time, kept in meeting order.
import type { ApiClient } from '../../../core/api';
import type { ProspectsSlice, Slice } from './types';

export function createProspectsSlice(api: ApiClient): Slice<ProspectsSlice> {
  // One request at a time: a second caller joins the one on its way.
  let loading: Promise<void> | null = null;
  return (set, get) => ({
    prospects: [],
    prospectsLoaded: false,
    dataProblems: [],
    loadProspects: () => {
      loading ??= (async () => {
        try {
          const result = await api['prospects:list']();
          if (result.ok)
            set({ prospects: result.value.prospects, dataProblems: result.value.problems, prospectsLoaded: true });
          else get().notify(get().t('error', { e: result.error }));
        } finally {
          loading = null;
        }
      })();
      return loading;
    },
    upsertProspect: (prospect) => {
      const others = get().prospects.filter((p) => p.id !== prospect.id);
      const at = others.findIndex((p) => (p.meetingStartsAt ?? '\uffff') > (prospect.meetingStartsAt ?? '\uffff'));
      const next = [...others];
      next.splice(at < 0 ? next.length : at, 0, prospect);
      set({ prospects: next });
    },
    removeProspect: (id) => set({ prospects: get().prospects.filter((p) => p.id !== id) }),
  });
}
