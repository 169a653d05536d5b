/**
 * The simulated dock's periodic OSD payloads, as DJI's docs show a real dock splitting its state over
 * several partial messages, and the aircraft's own report while it sits in the dock.
 */
export interface DockOsdState {
  lat: number;
  lng: number;
  aircraftSn: string;
  battery: number;
  mode: number;
  flying: boolean;
}

/** One OSD period of the dock: three partial messages, published in order. */
export function dockOsdParts(s: DockOsdState): Record<string, unknown>[] {
  return [
    { job_number: 1, acc_time: 1000 },
    { flighttask_step_code: s.flying ? 1 : 5, media_file_detail: { remain_upload: 0 } },
    {
      network_state: { type: 2, quality: 4, rate: 5 },
      drone_charge_state: { state: 0, capacity_percent: s.battery },
      drone_in_dock: s.flying ? 0 : 1,
      rainfall: 0,
      wind_speed: 2.1,
      environment_temperature: 26,
      temperature: 27,
      humidity: 70,
      latitude: s.lat,
      longitude: s.lng,
      height: 30,
      storage: { total: 82045336, used: 51772 },
      mode_code: s.mode,
      cover_state: 0,
      emergency_stop_state: 0,
      sub_device: {
        device_sn: s.aircraftSn,
        device_model_key: '0-91-0',
        device_online_status: 0,
        device_paired: 1,
      },
    },
  ];
}

/** The aircraft's OSD while it is in the dock (in flight it reports itself once a second instead). */
export function aircraftIdleOsd(
  s: Pick<DockOsdState, 'lat' | 'lng' | 'battery'>,
  totals: { time: number; distance: number; sorties: number },
): Record<string, unknown> {
  return {
    mode_code: 14,
    latitude: s.lat,
    longitude: s.lng,
    height: 30,
    elevation: 0,
    battery: { capacity_percent: s.battery, remain_flight_time: 0, return_home_power: 20, landing_power: 10 },
    total_flight_time: totals.time,
    total_flight_distance: totals.distance,
    total_flight_sorties: totals.sorties,
  };
}
