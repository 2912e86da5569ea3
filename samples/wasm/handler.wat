;; A handler module: call an export by name with "handler", its arguments in "params".
;;
;;   {"codeBase64": "<base64 of handler.wasm>", "handler": "add", "params": [2, 3]}            -> "result": 5
;;   {"codeBase64": "...", "handler": "factorial", "params": [20]}                             -> "result": 2432902008176640000
;;   {"codeBase64": "...", "handler": "celsius_to_fahrenheit", "params": [100]}                 -> "result": 212
;;   {"codeBase64": "...", "handler": "divmod", "params": [17, 5]}                             -> "result": [3, 2]
;;
;; Build: ./build.sh (wat2wasm --debug-names -o handler.wasm handler.wat)
(module
  (func (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  (func $factorial (export "factorial") (param $n i64) (result i64)
    (if (result i64) (i64.le_s (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $factorial (i64.sub (local.get $n) (i64.const 1)))))))

  (func (export "celsius_to_fahrenheit") (param $c f64) (result f64)
    (f64.add (f64.mul (local.get $c) (f64.const 1.8)) (f64.const 32)))

  ;; Several results come back as a JSON array.
  (func (export "divmod") (param $a i32) (param $b i32) (result i32 i32)
    (i32.div_s (local.get $a) (local.get $b))
    (i32.rem_s (local.get $a) (local.get $b)))
)
