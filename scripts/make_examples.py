"""Writes resources/examples/*.json (run from the repository root)."""
import json
def dump(name, doc):
    open(f"resources/examples/{name}.json","w").write(json.dumps(doc, indent=1, ensure_ascii=False)+"\n")
W1=[[0.1,-0.2,0.3],[0.0,0.1,-0.1],[0.2,0.0,0.1]]
W2=[[0.5,0.0,-0.5],[0.1,0.2,0.3],[-0.3,0.4,0.0]]
W3=[[0.2,-0.1],[0.3,0.5],[-0.4,0.1]]
def toy(name, title, X, Y):
    return {"format":"jacobian-explorer/model","version":1,"name":title,"nodes":[
     {"id":"X","op":"input","value":X},
     {"id":"W1","op":"param","value":W1},
     {"id":"H1","op":"linear","inputs":{"x":"X","w":"W1"}},
     {"id":"W2","op":"param","value":W2},
     {"id":"H2","op":"linear","inputs":{"x":"H1","w":"W2"}},
     {"id":"W3","op":"param","value":W3},
     {"id":"Yhat","op":"linear","label":"Ŷ","inputs":{"x":"H2","w":"W3"}},
     {"id":"Y","op":"target","value":Y},
     {"id":"L","op":"half_sse","inputs":{"pred":"Yhat","target":"Y"}}]}
dump("toy", toy("toy","The lecture's toy network (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ−Y)²)",[[1.0],[2.0],[3.0]],[[0.5],[-0.5]]))
dump("toy_batch", toy("toy_batch","The toy network with a batch of four samples",
  [[1.0,0.5,-1.0,2.0],[2.0,-1.0,0.0,1.0],[3.0,1.5,1.0,-0.5]],[[0.5,0.0,-0.2,1.0],[-0.5,0.3,0.1,0.0]]))
dump("single_layer", {"format":"jacobian-explorer/model","version":1,"name":"One layer: Ŷ = Wᵀ H with W of 3×2","nodes":[
 {"id":"H","op":"input","value":[[1.0],[2.0],[3.0]]},
 {"id":"W","op":"param","value":[[0.1,0.4],[0.2,0.5],[0.3,0.6]]},
 {"id":"Yhat","op":"linear","label":"Ŷ","inputs":{"x":"H","w":"W"}},
 {"id":"Y","op":"target","value":[[1.0],[2.0]]},
 {"id":"L","op":"half_sse","inputs":{"pred":"Yhat","target":"Y"}}]})
def deep(act):
    nodes=[{"id":"X","op":"input","value":[[1.0],[-0.5],[0.25],[2.0]]}]
    prev="X"; width=4; depth=8
    for i in range(1,depth+1):
        n_out = 2 if i==depth else width
        nodes.append({"id":f"W{i}","op":"param","shape":[width,n_out],"init":{"kind":"normal","std":0.8,"seed":352+i}})
        h = "Yhat" if i==depth else f"H{i}"
        nodes.append({"id":h,"op":"linear","inputs":{"x":prev,"w":f"W{i}"}, **({"label":"Ŷ"} if i==depth else {})})
        prev=h
        if i<depth:
            nodes.append({"id":f"A{i}","op":act,"inputs":{"x":h}}); prev=f"A{i}"
    nodes.append({"id":"Y","op":"target","value":[[0.5],[-0.5]]})
    nodes.append({"id":"L","op":"half_sse","inputs":{"pred":"Yhat","target":"Y"}})
    title = {"sigmoid":"A deep sigmoid chain (기울기 소실: gradients shrink towards the input)",
             "relu":"The same deep chain with ReLU"}[act]
    return {"format":"jacobian-explorer/model","version":1,"name":title,"nodes":nodes}
dump("deep_sigmoid", deep("sigmoid")); dump("deep_relu", deep("relu"))
