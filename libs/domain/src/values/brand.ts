// A validated string: only the value's constructor can produce one (short of a cast).
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
