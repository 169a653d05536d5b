/**
 * Demo organisations of 桂城街道 (marked demo data): the street, the 26 departments resident in
 * its administrative service centre and city operation centre, and their units (科室).
 * `departmentType` links a department to the work-order categories it handles.
 */
export interface DemoDepartment {
  code: string;
  name: string;
  departmentType: string;
  units?: Array<{ code: string; name: string }>;
}

export const STREET = { code: 'GC', name: '桂城街道' };

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { code: 'GC-OPS', name: '智慧城市运行中心（智运中心）', departmentType: 'hotline' },
  {
    code: 'GC-ZF',
    name: '城市管理和综合执法局',
    departmentType: 'urban_management',
    units: [
      { code: 'GC-ZF-SR', name: '市容环境科' },
      { code: 'GC-ZF-ZD', name: '综合执法中队' },
    ],
  },
  {
    code: 'GC-ZJ',
    name: '住房城乡建设和水利局',
    departmentType: 'housing',
    units: [
      { code: 'GC-ZJ-JS', name: '建设管理科' },
      { code: 'GC-ZJ-SL', name: '水利科' },
    ],
  },
  { code: 'GC-HB', name: '生态环境保护办公室', departmentType: 'environment' },
  { code: 'GC-SJ', name: '市场监督管理所', departmentType: 'market' },
  { code: 'GC-JT', name: '交通运输办公室', departmentType: 'transport' },
  { code: 'GC-RS', name: '人力资源和社会保障服务中心', departmentType: 'social_security' },
  { code: 'GC-WJ', name: '卫生健康办公室', departmentType: 'health' },
  { code: 'GC-JY', name: '教育办公室', departmentType: 'education' },
  { code: 'GC-GA', name: '公安分局桂城派出所', departmentType: 'public_security' },
  { code: 'GC-MZ', name: '民政和社会事务办公室', departmentType: 'civil_affairs' },
  { code: 'GC-SW', name: '南海供水桂城营业所', departmentType: 'water' },
  { code: 'GC-RQ', name: '南海燃气桂城服务中心', departmentType: 'gas' },
  { code: 'GC-GD', name: '供电局桂城供电所', departmentType: 'power' },
  { code: 'GC-TX', name: '通信运营商桂城营业部', departmentType: 'telecom' },
  { code: 'GC-ZR', name: '自然资源分局桂城所', departmentType: 'land' },
  { code: 'GC-YJ', name: '应急管理办公室', departmentType: 'emergency' },
  { code: 'GC-NY', name: '农业农村办公室', departmentType: 'agriculture_water' },
  { code: 'GC-SWJ', name: '税务分局桂城税务所', departmentType: 'tax' },
  { code: 'GC-YB', name: '医疗保障服务站', departmentType: 'medical_insurance' },
  { code: 'GC-TY', name: '退役军人服务站', departmentType: 'veterans' },
  { code: 'GC-CL', name: '残疾人联合会', departmentType: 'disability' },
  { code: 'GC-SF', name: '司法所', departmentType: 'justice' },
  { code: 'GC-XF', name: '消防救援站', departmentType: 'fire' },
  { code: 'GC-XZ', name: '行政服务中心', departmentType: 'government_services' },
  { code: 'GC-WRJ', name: '无人机指挥调度中心', departmentType: 'drones' },
];

/** Demo users, named after their roles; all share the demo password. */
export const DEMO_PASSWORD = 'yiwang-demo';

/** `extension`: the demo agents' telephone extensions (the caller-ID hook rings them). */
export const DEMO_USERS: Array<{
  username: string;
  name: string;
  roles: string[];
  orgCode: string;
  phone: string;
  extension?: string;
}> = [
  { username: 'admin', name: '系统管理员', roles: ['admin'], orgCode: 'GC', phone: '13800000001' },
  {
    username: 'dispatcher',
    name: '陈调度',
    roles: ['dispatcher'],
    orgCode: 'GC-OPS',
    phone: '13800000002',
    extension: '8001',
  },
  { username: 'handler', name: '李办理', roles: ['handler'], orgCode: 'GC-ZF', phone: '13800000003' },
  { username: 'clerk', name: '黄窗口', roles: ['clerk'], orgCode: 'GC-XZ', phone: '13800000004', extension: '8002' },
  { username: 'pilot', name: '何飞手', roles: ['pilot'], orgCode: 'GC-WRJ', phone: '13800000005' },
  { username: 'leader', name: '梁主任', roles: ['leader'], orgCode: 'GC', phone: '13800000006' },
  { username: 'citizen', name: '张市民', roles: ['citizen'], orgCode: 'GC', phone: '13912345678' },
];
