import protobuf from 'protobufjs';

// The .proto files are the truth; this turns them into a TypeScript module holding protobufjs's
// JSON descriptor, so the codec needs no file access at run time (under tsx and when bundled).

export const PROTO_FILES = ['usp-record.proto', 'usp-msg.proto'] as const;

export const GENERATED_HEADER =
  '// Generated from libs/usp/proto/*.proto by libs/usp/src/codegen/write-descriptor.ts (nx run usp:codegen). Do not edit.';

/** The module text for the given .proto sources, in PROTO_FILES order. */
export const renderDescriptorModule = (protoSources: readonly string[]): string => {
  const root = new protobuf.Root();
  for (const source of protoSources) protobuf.parse(source, root, { keepCase: false });
  const descriptor = JSON.stringify(root.toJSON({ keepComments: false }), null, 2);
  return `${GENERATED_HEADER}\n\n// protobufjs's JSON descriptor (Root.fromJSON); its INamespace type does not describe map fields.\nexport const uspDescriptor: Record<string, unknown> = ${descriptor};\n`;
};
